import { DayFigures, Flow, FLOWS, Stock, STOCKS } from './indicators';
import { contains, Month, monthsOf, Period } from './period';

export type FlowTotals = Record<Flow, number>;
export type StockValues = Record<Stock, number>;

/** Median delays over several days: each day's median weighted by the requests it was taken over. */
export interface Delays {
  windowToSubmission?: number;
  submissionToOrientation?: number;
}

export interface MonthRow {
  month: Month;
  flows: FlowTotals;
  /** As they stood on the month's last day in the period. */
  stocks: StockValues;
  delays: Delays;
}

export interface KeyFigures {
  flows: FlowTotals;
  /** As they stand on the period's last day. */
  stocks: StockValues;
  delays: Delays;
  /** Occupied share of the reserved places, in whole per cent; none when no place is reserved. */
  occupancyPercent?: number;
}

function totals(days: DayFigures[]): FlowTotals {
  return Object.fromEntries(FLOWS.map((flow) => [flow, days.reduce((sum, day) => sum + day[flow], 0)])) as FlowTotals;
}

function stocksOf(day: DayFigures | undefined): StockValues {
  return Object.fromEntries(STOCKS.map((stock) => [stock, day?.[stock] ?? 0])) as StockValues;
}

/**
 * The daily figures give a median per day, not the requests themselves: a period's figure is the mean
 * of its days' medians, each weighted by the requests of that day (rounded to a tenth of a day).
 */
function weightedMedian(days: DayFigures[], median: 'medianDaysWindowToSubmission' | 'medianDaysSubmissionToOrientation', count: Flow): number | undefined {
  let weight = 0;
  let sum = 0;
  for (const day of days) {
    const value = day[median];
    if (value === undefined || value === null || day[count] === 0) continue;
    weight += day[count];
    sum += value * day[count];
  }
  return weight === 0 ? undefined : Math.round((sum / weight) * 10) / 10;
}

function delaysOf(days: DayFigures[]): Delays {
  return {
    windowToSubmission: weightedMedian(days, 'medianDaysWindowToSubmission', 'requestsSubmitted'),
    submissionToOrientation: weightedMedian(days, 'medianDaysSubmissionToOrientation', 'requestsOriented'),
  };
}

function lastOf(days: DayFigures[]): DayFigures | undefined {
  return days.reduce<DayFigures | undefined>((last, day) => (!last || day.day > last.day ? day : last), undefined);
}

/** The period's figures, for its tiles. */
export function keyFiguresOf(days: DayFigures[], period: Period): KeyFigures {
  const inPeriod = days.filter((day) => contains(period, day.day));
  const stocks = stocksOf(lastOf(inPeriod));
  return {
    flows: totals(inPeriod),
    stocks,
    delays: delaysOf(inPeriod),
    occupancyPercent: stocks.reservedPlaces === 0 ? undefined : Math.round((stocks.reservedPlacesOccupied / stocks.reservedPlaces) * 100),
  };
}

/** One row per month of the period, each month with its days only, even when none was answered. */
export function monthlyRows(days: DayFigures[], period: Period): MonthRow[] {
  const inPeriod = days.filter((day) => contains(period, day.day));
  return monthsOf(period).map((month) => {
    const ofMonth = inPeriod.filter((day) => day.day.startsWith(month));
    return { month, flows: totals(ofMonth), stocks: stocksOf(lastOf(ofMonth)), delays: delaysOf(ofMonth) };
  });
}

/**
 * A day's figures heard live, in the days of a period: they replace that day's (each message is the
 * whole day). Days outside the period leave it as it was (the same array, so nothing re-renders).
 */
export function mergeDay(days: DayFigures[], figures: DayFigures, period: Period): DayFigures[] {
  if (!contains(period, figures.day)) return days;
  const others = days.filter((day) => day.day !== figures.day);
  return [...others, figures].sort((a, b) => a.day.localeCompare(b.day));
}
