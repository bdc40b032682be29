import { DayFigures } from './housing-types';

export interface WeekFigures {
  from: string;
  to: string;
  freeJustice: number;
  freeGeneral: number;
  freeVolante: number;
  outOfService: number;
}

/**
 * The days grouped by weeks from the first one: the places free on every day of the week (the
 * lowest figure, what a stay starting that week can count on) and the most places out of service.
 */
export function weeklyAvailability(days: DayFigures[]): WeekFigures[] {
  const weeks: WeekFigures[] = [];
  for (let start = 0; start < days.length; start += 7) {
    const week = days.slice(start, start + 7);
    weeks.push({
      from: week[0].date,
      to: week[week.length - 1].date,
      freeJustice: Math.min(...week.map((d) => d.freeJustice)),
      freeGeneral: Math.min(...week.map((d) => d.freeGeneral)),
      freeVolante: Math.min(...week.map((d) => d.freeVolante)),
      outOfService: Math.max(...week.map((d) => d.outOfService)),
    });
  }
  return weeks;
}

/** The items of one page of a list the server gives whole (sessions, oriented requests, structures). */
export function pageOf<T>(items: T[], page: number, pageSize: number): T[] {
  return items.slice((page - 1) * pageSize, page * pageSize);
}

/** The days of `weeks` whole weeks from `today` (both included), as GET /v1/structures/:id/availability takes them. */
export function weeksFrom(today: string, weeks: number): { from: string; to: string } {
  const last = new Date(`${today}T00:00:00Z`);
  last.setUTCDate(last.getUTCDate() + weeks * 7 - 1);
  return { from: today, to: last.toISOString().slice(0, 10) };
}
