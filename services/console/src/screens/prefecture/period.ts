/** The periods the dashboard offers, in months up to the services' day. */
export const PERIOD_MONTHS = [3, 6, 12] as const;
export type PeriodMonths = (typeof PERIOD_MONTHS)[number];

/** A closed range of calendar days (YYYY-MM-DD). */
export interface Period {
  from: string;
  to: string;
}

/** A calendar month, YYYY-MM. */
export type Month = string;

function monthIndex(month: Month): number {
  const [year, number] = month.split('-').map(Number);
  return year * 12 + number - 1;
}

function monthAt(index: number): Month {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The last `months` calendar months up to `today`, the current one included: whole months, so each
 * month of the charts counts all its days (the current one up to today). Twelve months stay within
 * the year notification answers at once.
 */
export function periodOf(today: string, months: PeriodMonths): Period {
  return { from: `${monthAt(monthIndex(today.slice(0, 7)) - (months - 1))}-01`, to: today };
}

/** Each month the period touches, in order. */
export function monthsOf(period: Period): Month[] {
  const first = monthIndex(period.from.slice(0, 7));
  const last = monthIndex(period.to.slice(0, 7));
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => monthAt(first + i));
}

const MONTH_LABEL = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT_MONTH_LABEL = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** « décembre 2026 » */
export function monthLabel(month: Month): string {
  return MONTH_LABEL.format(new Date(`${month}-01T00:00:00Z`));
}

/** « déc. 2026 », for a chart's axis. */
export function shortMonthLabel(month: Month): string {
  return SHORT_MONTH_LABEL.format(new Date(`${month}-01T00:00:00Z`));
}

export function contains(period: Period, day: string): boolean {
  return day >= period.from && day <= period.to;
}

const DAY_LABEL = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** « 1er octobre 2026 », the French way for the first of a month. */
export function dayLabel(day: string): string {
  const label = DAY_LABEL.format(new Date(`${day}T00:00:00Z`));
  return day.endsWith('-01') ? label.replace(/^1 /, '1er ') : label;
}

/** « du 1er octobre 2026 au 3 décembre 2026 » */
export function periodLabel(period: Period): string {
  return `du ${dayLabel(period.from)} au ${dayLabel(period.to)}`;
}
