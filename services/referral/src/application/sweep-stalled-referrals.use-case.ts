import { Inject, Injectable } from '@nestjs/common';
import { runRetryingLockConflicts, UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { ReferralStatus } from '../domain/referral';
import { StallAlert, StallPolicy } from '../domain/stall-policy';
import { addDays } from '@passerelle/domain-kernel';
import { REFERRAL_REPOSITORY, ReferralRepository } from './ports/referral.repository';
import { ReferralStore } from './referral-store';

const BATCH = 200;
const LOCK_ATTEMPTS = 10;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

export const STALL_POLICY = Symbol('STALL_POLICY');

export interface StallSweepReport {
  today: string;
  checked: number;
  raised: number;
}

/**
 * Raises the "request stalled" alerts: to complete for too long at the SPIP, or waiting too
 * long for the commission. Each batch of referrals is locked and committed on its own.
 */
@Injectable()
export class SweepStalledReferrals {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(REFERRAL_REPOSITORY) private readonly referrals: ReferralRepository,
    @Inject(STALL_POLICY) private readonly policy: StallPolicy,
    private readonly store: ReferralStore,
  ) {}

  async execute(): Promise<StallSweepReport> {
    const report: StallSweepReport = { today: this.store.today(), checked: 0, raised: 0 };
    // Working days are never more than calendar days: these bounds only narrow the candidates.
    await this.sweep(report, ['to_complete'], this.policy.incompleteDays, 'stalled_incomplete');
    await this.sweep(report, ['submitted', 'scheduled'], this.policy.noDecisionWorkingDays, 'stalled_no_decision');
    return report;
  }

  private async sweep(report: StallSweepReport, statuses: ReferralStatus[], days: number, alert: StallAlert): Promise<void> {
    const before = addDays(report.today, -days);
    let afterId = NIL_UUID;
    for (;;) {
      // Locks up to BATCH referrals in id order while consumers lock theirs in event order: a deadlock's victim runs again,
      // as often as LOCK_ATTEMPTS (two consumer instances made three deadlocks in a row happen in the fault tests).
      const { ids, raised } = await runRetryingLockConflicts(this.unitOfWork, async (tx) => {
        const batch = await this.referrals.idsWaitingSince(tx, { statuses, before, alert, afterId, limit: BATCH });
        let raisedInBatch = 0;
        for (const referral of await this.referrals.lockByIds(tx, batch)) {
          const changes = referral.stallCheck(report.today, this.policy);
          await this.store.save(tx, referral, changes, 'stall-sweep');
          raisedInBatch += changes.length;
        }
        return { ids: batch, raised: raisedInBatch };
      }, LOCK_ATTEMPTS);
      report.raised += raised;
      report.checked += ids.length;
      if (ids.length < BATCH) return;
      afterId = ids[ids.length - 1];
    }
  }
}
