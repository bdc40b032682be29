import { Transaction } from '@passerelle/service-kit';
import { Referral } from '../../domain/referral';

/**
 * Referrals, one per detention (a unique key enforces "never two"). `lockByDetention` holds the
 * row until commit, so one person's events change their referral one after the other.
 */
export interface ReferralRepository {
  lockByDetention(tx: Transaction, detentionId: string): Promise<Referral | undefined>;
  insert(tx: Transaction, referral: Referral): Promise<void>;
  update(tx: Transaction, referral: Referral): Promise<void>;
}

export const REFERRAL_REPOSITORY = Symbol('REFERRAL_REPOSITORY');
