import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail, AuthenticatedUser } from '@passerelle/auth';
import { UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { ConsentRecipient } from '../domain/consent';
import { WithdrawalReason } from '../domain/referral';
import { FilePatch } from '../domain/referral-file';
import { REFERRAL_REPOSITORY, ReferralRepository } from './ports/referral.repository';
import { mayWorkOn, ReferralNotFoundError } from './referral-access';
import { ReferralChangeFn, ReferralStore } from './referral-store';
import { ReferralView, viewOf } from './referral-view';

export interface ConsentDecision {
  decision: 'given' | 'refused';
  decidedOn: string;
  scope: string;
  recipients: ConsentRecipient[];
}

/**
 * The SPIP officer's steps on a request, with the person: complete the file, record the consent,
 * submit, withdraw. Each holds the referral's row lock, is audited, and commits with its events.
 */
@Injectable()
export class ReferralCommands {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(REFERRAL_REPOSITORY) private readonly referrals: ReferralRepository,
    private readonly store: ReferralStore,
    private readonly audit: AuditTrail,
  ) {}

  updateFile(id: string, patch: FilePatch, actor: AuthenticatedUser): Promise<ReferralView> {
    return this.apply(id, actor, (referral) => referral.updateFile(patch));
  }

  recordConsent(id: string, consent: ConsentDecision, actor: AuthenticatedUser): Promise<ReferralView> {
    return this.apply(id, actor, (referral, today) =>
      referral.recordConsent(consent.decision, consent.decidedOn, consent.scope, consent.recipients, today));
  }

  withdrawConsent(id: string, withdrawnOn: string, actor: AuthenticatedUser): Promise<ReferralView> {
    return this.apply(id, actor, (referral, today) => referral.withdrawConsent(withdrawnOn, today));
  }

  submit(id: string, actor: AuthenticatedUser): Promise<ReferralView> {
    return this.apply(id, actor, (referral, today) => referral.submit(today));
  }

  withdraw(id: string, reason: Exclude<WithdrawalReason, 'consent_withdrawn'>, actor: AuthenticatedUser): Promise<ReferralView> {
    return this.apply(id, actor, (referral, today) => referral.withdraw(reason, today));
  }

  private apply(id: string, actor: AuthenticatedUser, change: ReferralChangeFn): Promise<ReferralView> {
    return this.unitOfWork.run(async (tx) => {
      const referral = await this.referrals.lockById(tx, id);
      if (!referral || !mayWorkOn(actor, referral.snapshot())) throw new ReferralNotFoundError(id);
      await this.store.save(tx, referral, change(referral, this.store.today()), actor.subject);
      await this.audit.record(tx, { actor, action: 'update', resourceType: 'referral', resourceId: id, personId: referral.snapshot().personId });
      return viewOf(referral, this.store.today());
    });
  }
}
