import { IndicatorPeriodError } from './daily-indicator.errors';

/** Longest period one request may read: about a year of days. */
export const MAX_PERIOD_DAYS = 366;

/** A closed range of calendar days, both written YYYY-MM-DD. */
export class IndicatorPeriod {
  private constructor(
    readonly from: string,
    readonly to: string,
  ) {}

  static of(from: string, to: string): IndicatorPeriod {
    if (to < from) throw new IndicatorPeriodError('to', 'notBeforeFrom', `to ${to} is before from ${from}`);
    const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
    if (days > MAX_PERIOD_DAYS) throw new IndicatorPeriodError('to', 'maxPeriod', `the period may not exceed ${MAX_PERIOD_DAYS} days`);
    return new IndicatorPeriod(from, to);
  }
}
