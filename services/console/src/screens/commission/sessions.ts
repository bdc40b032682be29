import { CommissionSession, HousingRequest } from './housing-types';
import { requestStatusLabel } from './labels';

/** Sessions by date, the nearest first. */
export function byDate(sessions: CommissionSession[]): CommissionSession[] {
  return [...sessions].sort((a, b) => a.sessionDate.localeCompare(b.sessionDate) || a.id.localeCompare(b.id));
}

/** The sessions whose agenda is still open on `today`: on or after it (the server refuses past ones). */
export function openForAgenda(sessions: CommissionSession[], today: string): CommissionSession[] {
  return byDate(sessions).filter((s) => s.sessionDate >= today);
}

/** A request's state on the agenda, saying when a structure's pre-admission waits for the SIAO's confirmation. */
export function agendaStatus(request: Pick<HousingRequest, 'status' | 'placements'>): string {
  const waiting = (request.placements ?? []).some((p) => p.status === 'proposed');
  return waiting && request.status === 'oriented' ? `${requestStatusLabel(request.status)} — pré-admission à confirmer` : requestStatusLabel(request.status);
}
