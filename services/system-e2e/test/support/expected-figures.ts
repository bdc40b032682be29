import { daysBetween } from '@passerelle/domain-kernel';
import { AlertLevel, ExpectedPerson, ExpectedWorld } from './expected-world';

/** The préfecture's figures of one day, as `GET /v1/indicators` names them. */
export type DayFigures = Record<string, number | undefined>;

export const COMPARED_FIGURES = [
  'detentionsRegistered', 'detentionsInWindow', 'requestsOpened', 'requestsSubmitted', 'requestsOriented', 'placementsConfirmed',
  'peopleEntered', 'sortiesSeches', 'openAlertsWatch', 'openAlertsWarning', 'openAlertsCritical', 'lscAtRisk',
  'medianDaysWindowToSubmission', 'medianDaysSubmissionToOrientation',
] as const;

/**
 * The figures of `day` counted from the test's own data: who was registered, whose window was
 * open, what was opened, submitted, oriented, confirmed, entered and recorded that day, and which
 * alerts stood open at the end of it.
 */
export function expectedFigures(world: ExpectedWorld, day: string): DayFigures {
  const people = [...world.people.values()];
  const on = (pick: (p: ExpectedPerson) => string | undefined) => people.filter((p) => pick(p) === day).length;
  const open = openAlertsAt(world, day);
  const levels = [...open.values()];
  return {
    detentionsRegistered: on((p) => p.registeredOn),
    detentionsInWindow: people.filter((p) => p.windows.some((w) => w.from <= day && (w.to === undefined || w.to > day))).length,
    requestsOpened: on((p) => p.openedOn),
    requestsSubmitted: on((p) => p.submittedOn),
    requestsOriented: on((p) => p.orientedOn),
    placementsConfirmed: on((p) => p.confirmedOn),
    peopleEntered: on((p) => p.enteredOn),
    sortiesSeches: on((p) => p.sortieSeche?.releasedOn),
    openAlertsWatch: levels.filter((a) => a.level === 'watch').length,
    openAlertsWarning: levels.filter((a) => a.level === 'warning').length,
    openAlertsCritical: levels.filter((a) => a.level === 'critical').length,
    lscAtRisk: levels.filter((a) => a.kind === 'lsc_at_risk').length,
    medianDaysWindowToSubmission: median(people.filter((p) => p.submittedOn === day && p.openedOn).map((p) => daysBetween(p.openedOn!, p.submittedOn!))),
    medianDaysSubmissionToOrientation: median(people.filter((p) => p.orientedOn === day && p.submittedOn).map((p) => daysBetween(p.submittedOn!, p.orientedOn!))),
  };
}

/** The alerts standing open at the end of a day, by person and kind, from the changes of that day and before. */
function openAlertsAt(world: ExpectedWorld, day: string): Map<string, { kind: string; level: AlertLevel }> {
  const open = new Map<string, { kind: string; level: AlertLevel }>();
  for (const change of world.alertLog) {
    if (change.day > day) continue;
    const key = `${change.ecrou}|${change.kind}`;
    if (change.change === 'resolved') open.delete(key);
    else open.set(key, { kind: change.kind, level: change.level });
  }
  return open;
}

/** PostgreSQL's percentile_cont(0.5): the middle value, or the mean of the two middle ones. */
function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  return (sorted[Math.floor(middle)] + sorted[Math.ceil(middle)]) / 2;
}
