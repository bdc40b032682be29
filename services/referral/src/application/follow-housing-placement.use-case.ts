import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@passerelle/service-kit';
import { Decision } from '../domain/housing-progress';
import { REFERRAL_REPOSITORY, ReferralRepository } from './ports/referral.repository';
import { ReferralChangeFn, ReferralStore } from './referral-store';

const SOURCE = 'housing-placement';

/**
 * What the SIAO and the structures decided, as housing-placement reports it. An event about a
 * referral this service does not hold (another deployment's, or a forged one) changes nothing.
 */
@Injectable()
export class FollowHousingPlacement {
  constructor(
    @Inject(REFERRAL_REPOSITORY) private readonly referrals: ReferralRepository,
    private readonly store: ReferralStore,
  ) {}

  returned(tx: Transaction, referralId: string, missing: string[]): Promise<void> {
    return this.apply(tx, referralId, (referral, today) => referral.returnedIncomplete(missing, today));
  }

  decided(tx: Transaction, referralId: string, decision: Decision): Promise<void> {
    return this.apply(tx, referralId, (referral, today) => referral.decided(decision, today));
  }

  entered(tx: Transaction, referralId: string): Promise<void> {
    return this.apply(tx, referralId, (referral, today) => referral.entered(today));
  }

  noShow(tx: Transaction, referralId: string): Promise<void> {
    return this.apply(tx, referralId, (referral, today) => referral.noShow(today));
  }

  private async apply(tx: Transaction, referralId: string, change: ReferralChangeFn): Promise<void> {
    await this.store.change(tx, await this.referrals.lockById(tx, referralId), SOURCE, change);
  }
}
