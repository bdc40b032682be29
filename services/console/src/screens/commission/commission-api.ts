import { api, Page } from '../../api/client';
import { DecisionBody } from './decision-form';
import {
  CommissionSession, DayFigures, HousingRequest, Placement, QueueEntry, SessionWithAgenda, Structure,
} from './housing-types';

const housing = api('housing-placement');

/** housing-placement's calls of the commission's screens; the keys let a change refresh what it touched. */
export const commissionKeys = {
  queue: (departement: string, page: number, pageSize: number) => ['housing', 'queue', departement, page, pageSize] as const,
  request: (id: string) => ['housing', 'request', id] as const,
  sessions: (departement: string) => ['housing', 'sessions', departement] as const,
  session: (id: string) => ['housing', 'session', id] as const,
  structures: (departement: string) => ['housing', 'structures', departement] as const,
  availability: (id: string, from: string, to: string) => ['housing', 'availability', id, from, to] as const,
  all: ['housing'] as const,
};

export const commissionApi = {
  queue: (departement: string, page: number, pageSize: number) => housing.get<Page<QueueEntry>>('/v1/queue', { departement, page, pageSize }),
  request: (id: string) => housing.get<HousingRequest>(`/v1/requests/${id}`),
  returnIncomplete: (id: string, missing: string[]) => housing.post<HousingRequest>(`/v1/requests/${id}/return`, { missing }),
  sessions: (departement: string) => housing.get<CommissionSession[]>('/v1/sessions', { departement }),
  session: (id: string) => housing.get<SessionWithAgenda>(`/v1/sessions/${id}`),
  planSession: (body: { departement: string; sessionDate: string; members: string[] }) => housing.post<CommissionSession>('/v1/sessions', body),
  schedule: (sessionId: string, requestIds: string[]) => housing.post<HousingRequest[]>(`/v1/sessions/${sessionId}/agenda`, { requestIds }),
  decide: (sessionId: string, body: DecisionBody) => housing.post<HousingRequest>(`/v1/sessions/${sessionId}/decisions`, body),
  confirm: (placementId: string) => housing.post<Placement>(`/v1/placements/${placementId}/confirmation`),
  declinedByPerson: (placementId: string) => housing.post<Placement>(`/v1/placements/${placementId}/declined-by-person`),
  structures: (departement: string) => housing.get<Structure[]>('/v1/structures', { departement }),
  availability: (id: string, from: string, to: string) => housing.get<DayFigures[]>(`/v1/structures/${id}/availability`, { from, to }),
};
