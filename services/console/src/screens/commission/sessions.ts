import { CommissionSession } from './housing-types';

/** Sessions by date, the nearest first. */
export function byDate(sessions: CommissionSession[]): CommissionSession[] {
  return [...sessions].sort((a, b) => a.sessionDate.localeCompare(b.sessionDate) || a.id.localeCompare(b.id));
}

/** The sessions whose agenda is still open on `today`: on or after it (the server refuses past ones). */
export function openForAgenda(sessions: CommissionSession[], today: string): CommissionSession[] {
  return byDate(sessions).filter((s) => s.sessionDate >= today);
}
