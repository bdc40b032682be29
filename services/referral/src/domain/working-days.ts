const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FIXED_HOLIDAYS = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'];
const EASTER_OFFSETS = [1, 39, 50];

const holidaysByYear = new Map<number, ReadonlySet<string>>();

/**
 * The 11 national jours fériés of metropolitan France for a year, as 'YYYY-MM-DD': a working-day
 * deadline must skip them. Alsace-Moselle's two extra days (Good Friday, 26 Dec) are not included.
 * Returns a copy, so a caller cannot change the cached set.
 */
export function frenchPublicHolidays(year: number): Set<string> {
  return new Set(holidaysOf(year));
}

/** Monday to Friday and not a jour férié: the days on which a referral is expected to move. */
export function isWorkingDay(date: string): boolean {
  return isWorkingDayNumber(toDayNumber(date));
}

/**
 * The working days d with from < d <= to (0 when to <= from): a request is stalled when the count
 * from its submission to today exceeds N, as deadlines in the field count working days (the UK
 * MoJ's services do the same), not calendar days.
 */
export function workingDaysBetween(from: string, to: string): number {
  const end = toDayNumber(to);
  let count = 0;
  for (let day = toDayNumber(from) + 1; day <= end; day++) {
    if (isWorkingDayNumber(day)) count++;
  }
  return count;
}

/**
 * The date reached after `days` working days strictly after `from` (0 returns `from`): the deadline
 * of a request submitted on `from`, to show to the people who must decide.
 */
export function addWorkingDays(from: string, days: number): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Expected a whole number of working days >= 0, got ${days}`);
  let day = toDayNumber(from);
  for (let remaining = days; remaining > 0; ) {
    day++;
    if (isWorkingDayNumber(day)) remaining--;
  }
  return toIsoDate(day);
}

function holidaysOf(year: number): ReadonlySet<string> {
  let holidays = holidaysByYear.get(year);
  if (!holidays) {
    holidays = computeHolidays(year);
    holidaysByYear.set(year, holidays);
  }
  return holidays;
}

function computeHolidays(year: number): ReadonlySet<string> {
  // The Easter algorithm holds for the Gregorian calendar only, and Date.UTC maps years 0-99 to 19xx.
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`Expected a year from 1583 to 9999, got ${year}`);
  const easter = easterSunday(year);
  return new Set([
    ...FIXED_HOLIDAYS.map((monthDay) => `${year}-${monthDay}`),
    ...EASTER_OFFSETS.map((offset) => toIsoDate(easter + offset)),
  ]);
}

/** Easter Sunday as a day number, by the anonymous Gregorian (Meeus/Jones/Butcher) algorithm. */
function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function isWorkingDayNumber(day: number): boolean {
  const weekday = new Date(day * MS_PER_DAY).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const date = toIsoDate(day);
  return !holidaysOf(Number(date.slice(0, 4))).has(date);
}

/** Days since 1970-01-01 in UTC, so that no daylight-saving change shifts a day. */
function toDayNumber(date: string): number {
  if (ISO_DATE.test(date)) {
    const day = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
    // The round trip rejects dates that Date.UTC would roll over, such as 2026-02-30.
    if (toIsoDate(day) === date) return day;
  }
  throw new Error(`Expected a calendar date as 'YYYY-MM-DD', got '${date}'`);
}

function toIsoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
