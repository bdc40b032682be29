import { api } from '../../api/client';
import { Placement, StructureRequest } from '../commission/housing-types';

const housing = api('housing-placement');

export const structureKeys = {
  oriented: ['housing', 'oriented-requests'] as const,
  request: (id: string) => ['housing', 'structure-request', id] as const,
  all: ['housing'] as const,
};

/** housing-placement's calls of a host structure: what was oriented to it, its answers, the entry. */
export const structureApi = {
  oriented: () => housing.get<StructureRequest[]>('/v1/oriented-requests'),
  request: (id: string) => housing.get<StructureRequest>(`/v1/requests/${id}`),
  preAdmit: (id: string, structureId: string, entryDate: string) => housing.post<Placement>(`/v1/requests/${id}/pre-admissions`, { structureId, entryDate }),
  refuse: (id: string, structureId: string, reason: string) => housing.post<Placement>(`/v1/requests/${id}/pre-admission-refusals`, { structureId, reason }),
  enter: (placementId: string, enteredOn: string) => housing.post<Placement>(`/v1/placements/${placementId}/entry`, { enteredOn }),
  noShow: (placementId: string) => housing.post<Placement>(`/v1/placements/${placementId}/no-show`),
};
