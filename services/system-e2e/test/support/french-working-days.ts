import { addDays, daysBetween } from '@passerelle/domain-kernel';

/**
 * The test's own count of working days (Monday to Friday less the 11 national jours fériés of
 * metropolitan France), written apart from referral's so a mistake in one is not copied in both.
 */
export function workingDaysAfter(from: string, to: string): number {
  let count = 0;
  for (let day = addDays(from, 1); daysBetween(day, to) >= 0; day = addDays(day, 1)) {
    if (isWorkingDay(day)) count += 1;
  }
  return count;
}

function isWorkingDay(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays(Number(day.slice(0, 4))).includes(day);
}

function holidays(year: number): string[] {
  const easter = easterSunday(year);
  return [
    ...['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].map((monthDay) => `${year}-${monthDay}`),
    addDays(easter, 1), addDays(easter, 39), addDays(easter, 50),
  ];
}

/** Gauss's computation for the Gregorian calendar. */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = year % 4;
  const c = year % 7;
  const k = Math.floor(year / 100);
  const p = Math.floor((13 + 8 * k) / 25);
  const q = Math.floor(k / 4);
  const m = (15 - p + k - q) % 30;
  const n = (4 + k - q) % 7;
  const d = (19 * a + m) % 30;
  const e = (2 * b + 4 * c + 6 * d + n) % 7;
  // Exceptions of Gauss's method: 26 April becomes 19 April, and 25 April 18 April in some years.
  if (d === 29 && e === 6) return `${year}-04-19`;
  if (d === 28 && e === 6 && (11 * m + 11) % 30 < 19) return `${year}-04-18`;
  return addDays(`${year}-03-22`, d + e);
}
