import { Inject, Injectable } from '@nestjs/common';
import { runRetryingLockConflicts, Transaction, UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { Referral, ReferralStatus } from '../domain/referral';
import { StallAlert, StallPolicy } from '../domain/stall-policy';
import { addDays } from '@passerelle/domain-kernel';
import { REFERRAL_REPOSITORY, ReferralRepository } from './ports/referral.repository';
import { ReferralStore } from './referral-store';

const BATCH = 200;
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
    const held: string[] = [];
    let afterId = NIL_UUID;
    for (;;) {
      const { ids, skipped, raised } = await runRetryingLockConflicts(this.unitOfWork, async (tx) => {
        const batch = await this.referrals.idsWaitingSince(tx, { statuses, before, alert, afterId, limit: BATCH });
        const free = await this.referrals.lockFreeByIds(tx, batch);
        const locked = new Set(free.map((referral) => referral.id));
        return { ids: batch, skipped: batch.filter((id) => !locked.has(id)), raised: await this.check(tx, free, report.today) };
      });
      report.raised += raised;
      report.checked += ids.length - skipped.length;
      held.push(...skipped);
      if (ids.length < BATCH) break;
      afterId = ids[ids.length - 1];
    }
    await this.sweepHeld(report, held);
  }

  /**
   * The batches skip the requests a consumer holds, so that the sweep never waits while holding
   * others (consumers lock in event order, the sweep in id order: a deadlock otherwise). Each
   * skipped one is taken alone: waiting with a single row held cannot close a cycle.
   */
  private async sweepHeld(report: StallSweepReport, held: string[]): Promise<void> {
    for (const id of held) {
      const raised = await runRetryingLockConflicts(this.unitOfWork, async (tx) => {
        const referral = await this.referrals.lockById(tx, id);
        return referral ? this.check(tx, [referral], report.today) : 0;
      });
      report.raised += raised;
      report.checked += 1;
    }
  }

  private async check(tx: Transaction, referrals: Referral[], today: string): Promise<number> {
    let raised = 0;
    for (const referral of referrals) {
      const changes = referral.stallCheck(today, this.policy);
      await this.store.save(tx, referral, changes, 'stall-sweep');
      raised += changes.length;
    }
    return raised;
  }
}
