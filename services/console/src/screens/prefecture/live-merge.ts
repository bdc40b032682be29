import { DayFigures, FLOWS, STOCKS } from './indicators';
import { liveNoticeOf } from './live-notice';
import { contains, Period } from './period';
import { mergeDay } from './series';

export interface CachedDays {
  period: Period;
  days: DayFigures[];
}

const FIGURES = [...FLOWS, ...STOCKS, 'medianDaysWindowToSubmission', 'medianDaysSubmissionToOrientation'] as const;

function sameFigures(a: DayFigures, b: DayFigures): boolean {
  return FIGURES.every((field) => (a[field] ?? null) === (b[field] ?? null));
}

/**
 * A day heard on the stream against the answers the dashboard holds: each answer's new days, and the
 * notice to read out, none when nothing shown changes (notification may send the same day again).
 */
export function liveChange(cached: CachedDays[], figures: DayFigures): { merged: DayFigures[][]; notice?: string } {
  const before = cached.flatMap((entry) => entry.days).find((day) => day.day === figures.day);
  const shown = cached.some((entry) => contains(entry.period, figures.day));
  if (before && sameFigures(before, figures)) return { merged: cached.map((entry) => entry.days) };
  return {
    merged: cached.map((entry) => mergeDay(entry.days, figures, entry.period)),
    // A day outside what is shown: no count to compare with, only that its figures changed.
    notice: shown ? liveNoticeOf(before, figures) : liveNoticeOf(figures, figures),
  };
}
