import { AuthenticatedUser } from '@passerelle/auth';
import { consentCovers } from '../domain/request-file';
import { HousingRequestState } from '../domain/housing-request';
import { Structure } from '../domain/structure';

/** Also answered for what lies outside the caller's territory, so ids reveal nothing. */
export class HousingNotFoundError extends Error {
  constructor(what: string, id: string) {
    super(`${what} ${id} not found`);
    this.name = 'HousingNotFoundError';
  }
}

/** The SIAO acts on its own département's requests, sessions and structures; an admin on all. */
export function isSiaoOf(actor: AuthenticatedUser, departement: string): boolean {
  return actor.hasRole('siao', 'admin') && actor.mayActOn(departement);
}

/** A structure's user is bound to their structure by the token's organisation. */
export function isStaffOf(actor: AuthenticatedUser, structure: Pick<Structure, 'id' | 'departement'>): boolean {
  return actor.hasRole('structure') && actor.organisation === structure.id && actor.mayActOn(structure.departement);
}

/**
 * A structure sees a request only when it is oriented to it (by id, or by type in its département)
 * and the person's consent names host structures (DOMAIN.md, "What may be shared").
 */
export function isOrientedTo(request: HousingRequestState, structure: Structure): boolean {
  const orientation = request.orientation;
  if (!orientation || request.siaoDepartement !== structure.departement || !consentCovers(request.file, 'host_structures')) return false;
  if (!['oriented', 'placement_confirmed', 'housed', 'no_show'].includes(request.status)) return false;
  return orientation.structureId ? orientation.structureId === structure.id : orientation.structureType === structure.type;
}
