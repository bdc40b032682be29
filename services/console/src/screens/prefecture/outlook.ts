import { formatDate } from '../../ui/dates';

/** One week of notification's 12-week outlook (GET /v1/indicators/outlook, SSE `outlook`). */
export interface OutlookWeek {
  weekStart: string;
  weekEnd: string;
  releasesExpected: number;
  releasesWithoutPlacement: number;
  reservedPlacesFree: number;
  /** releasesWithoutPlacement − reservedPlacesFree: places missing when positive. */
  gap: number;
}

export interface Outlook {
  departement: string;
  asOf: string;
  weeks: OutlookWeek[];
}

export interface OutlookRow extends OutlookWeek {
  /** « du 7 décembre au 13 décembre 2026 » */
  label: string;
  /** A short label for the chart's axis: « 07/12 » */
  axisLabel: string;
  /** The gap in words, so colour is never the only signal. */
  gapText: string;
  missing: boolean;
}

export interface OutlookView {
  asOf: string;
  rows: OutlookRow[];
  /** How many weeks lack places. */
  weeksMissing: number;
  /** The week missing the most places (weeks stand alone: their gaps do not add up). */
  worst?: OutlookRow;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function gapTextOf(gap: number): string {
  if (gap > 0) return `Manque ${plural(gap, 'place', 'places')}`;
  if (gap === 0) return 'Places suffisantes (tout juste)';
  return `Places suffisantes (${plural(-gap, 'place libre', 'places libres')} en plus)`;
}

function dayMonth(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}`;
}

/** The outlook as the dashboard shows it: weeks in order, each gap said in words. */
export function outlookView(outlook: Outlook): OutlookView {
  const rows = [...outlook.weeks]
    .sort((a, b) => a.weekStart.localeCompare(b.weekStart))
    .map((week) => ({
      ...week,
      label: `du ${formatDate(week.weekStart)} au ${formatDate(week.weekEnd)}`,
      axisLabel: dayMonth(week.weekStart),
      gapText: gapTextOf(week.gap),
      missing: week.gap > 0,
    }));
  const missing = rows.filter((row) => row.missing);
  const worst = missing.reduce<OutlookRow | undefined>((most, row) => (!most || row.gap > most.gap ? row : most), undefined);
  return { asOf: outlook.asOf, rows, weeksMissing: missing.length, worst };
}
