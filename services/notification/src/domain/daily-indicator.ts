import { IndicatorPeriodError } from './daily-indicator.errors';

/** One département's figures for one calendar day (Europe/Paris): counts only, no person. */
export interface DailyIndicator {
  departement: string;
  /** YYYY-MM-DD, the day in Europe/Paris. */
  day: string;
  detentionsRegistered: number;
}

/** Where and on which day a registration counts. */
export interface IndicatorCell {
  departement: string;
  day: string;
}

/**
 * A detention counts for the département where housing is sought (its SIAO's territory), on
 * the Paris calendar day it was registered: a registration at 23:30 UTC in winter is the next day.
 */
export function cellOfRegistration(
  registration: { destinationDepartement: string; registeredAt: Date },
  calendarDayInParis: (instant: Date) => string,
): IndicatorCell {
  return { departement: registration.destinationDepartement, day: calendarDayInParis(registration.registeredAt) };
}

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
