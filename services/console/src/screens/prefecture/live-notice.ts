import { formatDate } from '../../ui/dates';
import { DayFigures, FLOW_LABELS, FLOWS } from './indicators';

/** Sorties sèches first: the figure a préfecture watches. */
const ORDER = ['sortiesSeches', ...FLOWS.filter((flow) => flow !== 'sortiesSeches')] as const;

/**
 * What a day's figures heard live changed, in words, for the polite live region:
 * « Mise à jour : 1 sortie sèche enregistrée le 3 décembre 2026 ». Flows that grew are named
 * (sorties sèches first); when only stocks or fewer flows moved, the day's figures are said to change.
 */
export function liveNoticeOf(before: DayFigures | undefined, after: DayFigures): string {
  const grown = ORDER.map((flow) => ({ flow, by: after[flow] - (before?.[flow] ?? 0) })).filter(({ by }) => by > 0);
  const on = formatDate(after.day);
  if (grown.length === 0) return `Mise à jour : les chiffres du ${on} ont changé.`;
  const parts = grown.map(({ flow, by }) => `${by} ${by === 1 ? FLOW_LABELS[flow].one : FLOW_LABELS[flow].many}`);
  return `Mise à jour : ${parts.join(', ')} le ${on}.`;
}
