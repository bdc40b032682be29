import { AuthenticatedUser } from '@passerelle/auth';
import { allowsSharingWith } from '../domain/consent';
import { ReferralState } from '../domain/referral';
import { ReferralScope } from './ports/referral.repository';

/** Also answered for a referral outside the caller's territory, so ids reveal nothing. */
export class ReferralNotFoundError extends Error {
  constructor(readonly referralId: string) {
    super(`referral ${referralId} not found`);
    this.name = 'ReferralNotFoundError';
  }
}

/** The SPIP works on its own cases; an admin on all. */
export function mayWorkOn(actor: AuthenticatedUser, referral: ReferralState): boolean {
  return actor.hasRole('spip', 'admin') && actor.mayActOn(referral.spipDepartement);
}

/**
 * Who may read a file: its SPIP; the SIAO it was submitted to while the person's consent naming
 * the SIAO is in force (DOMAIN.md, "What may be shared").
 */
export function mayRead(actor: AuthenticatedUser, referral: ReferralState): boolean {
  if (mayWorkOn(actor, referral)) return true;
  return actor.hasRole('siao') && actor.mayActOn(referral.siaoDepartement) && referral.submissions > 0
    && referral.status !== 'withdrawn' && allowsSharingWith(referral.consent, 'siao');
}

/** The files a listing may show the caller. */
export function scopeOf(actor: AuthenticatedUser): ReferralScope {
  if (actor.hasRole('admin')) return { view: 'spip', departements: 'all' };
  return { view: actor.hasRole('spip') ? 'spip' : 'siao', departements: [...actor.departements] };
}
