import { isDepartementCode } from '@passerelle/contracts';
import { Role } from './roles';

export interface AuthenticatedUserClaims {
  subject: string;
  roles: Role[];
  /** Départements the user works in; empty only for an admin. */
  departements: string[];
  organisation?: string;
}

/**
 * The caller of a request, as proven by a verified token. Immutable: a handler can pass it
 * around without anyone widening its roles or territory on the way.
 */
export class AuthenticatedUser implements AuthenticatedUserClaims {
  readonly subject: string;
  readonly roles: Role[];
  readonly departements: string[];
  readonly organisation?: string;

  constructor(claims: AuthenticatedUserClaims) {
    this.subject = claims.subject;
    this.roles = Object.freeze([...new Set(claims.roles)]) as Role[];
    this.departements = Object.freeze([...new Set(claims.departements)]) as string[];
    if (claims.organisation !== undefined) this.organisation = claims.organisation;
    Object.freeze(this);
  }

  /** True when the user holds at least one of the given roles. */
  hasRole(...roles: Role[]): boolean {
    return roles.some((role) => this.roles.includes(role));
  }

  /**
   * Territory rule: an admin may act on every département, anyone else only on the
   * départements of their token. Something that is not a département code is never allowed.
   */
  mayActOn(departement: string): boolean {
    if (!isDepartementCode(departement)) return false;
    return this.hasRole('admin') || this.departements.includes(departement);
  }
}
