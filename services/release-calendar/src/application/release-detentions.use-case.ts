import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail, AuthenticatedUser } from '@passerelle/auth';
import { Clock, CLOCK, Transaction, UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { DepartementSettings } from '../domain/departement-settings';
import { Detention, ReleaseKind, Today } from '../domain/detention';
import { DetentionNotIncarceratedError, DetentionRuleError } from '../domain/detention.errors';
import { auditOf } from './detention-audit';
import { DetentionStore, StoreItem } from './detention-store';
import { DETENTION_REPOSITORY, DetentionRepository } from './ports/detention.repository';
import { todayFrom } from './today';

export interface ReportedRelease {
  detentionId: string;
  releasedOn: string;
  releaseKind: ReleaseKind;
}

export interface ReleaseRejection {
  index: number;
  detentionId: string;
  reason: string;
}

export interface ReleasesReport {
  released: number;
  unchanged: number;
  rejected: ReleaseRejection[];
}

type Locked = { detention: Detention; settings: DepartementSettings };
type Outcome = { kind: 'released'; item: StoreItem } | { kind: 'unchanged' } | { kind: 'rejected'; reason: string };

/**
 * The day's releases as the greffe reports them, many at once: one transaction, the detentions
 * locked in one statement, one update and one outbox statement. Good releases are recorded even
 * when others are refused; a release already recorded as reported is `unchanged`, so sending the
 * same report again changes nothing.
 */
@Injectable()
export class ReleaseDetentions {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(DETENTION_REPOSITORY) private readonly detentions: DetentionRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly store: DetentionStore,
    private readonly audit: AuditTrail,
  ) {}

  execute(releases: ReportedRelease[], actor: AuthenticatedUser): Promise<ReleasesReport> {
    const today = todayFrom(this.clock);
    return this.unitOfWork.run(async (tx) => {
      const report: ReleasesReport = { released: 0, unchanged: 0, rejected: [] };
      const locked = await this.detentions.lockManyWithSettings(tx, [...new Set(releases.map((release) => release.detentionId))]);
      const released: StoreItem[] = [];
      releases.forEach((release, index) => {
        const outcome = this.judge(release, locked.get(release.detentionId), actor, today);
        if (outcome.kind === 'released') released.push(outcome.item);
        if (outcome.kind === 'unchanged') report.unchanged += 1;
        if (outcome.kind === 'rejected') report.rejected.push({ index, detentionId: release.detentionId, reason: outcome.reason });
      });
      report.released = released.length;
      await this.record(tx, released, actor);
      return report;
    });
  }

  /** A detention named twice is judged on its state after the first: the second is `unchanged` or refused. */
  private judge(release: ReportedRelease, locked: Locked | undefined, actor: AuthenticatedUser, today: Today): Outcome {
    if (!locked) return { kind: 'rejected', reason: 'detentionId: not found' };
    const { detention, settings } = locked;
    const { spipDepartement } = detention.snapshot();
    if (!actor.mayActOn(spipDepartement)) return { kind: 'rejected', reason: `detentionId: not allowed for département ${spipDepartement}` };
    if (detention.isReleasedAs(release.releasedOn, release.releaseKind)) return { kind: 'unchanged' };
    try {
      return { kind: 'released', item: { detention, settings, events: detention.release(release.releasedOn, release.releaseKind, today) } };
    } catch (error) {
      if (error instanceof DetentionRuleError) return { kind: 'rejected', reason: `${error.field}: ${error.message}` };
      if (error instanceof DetentionNotIncarceratedError) return { kind: 'rejected', reason: `status: ${error.message}` };
      throw error;
    }
  }

  private async record(tx: Transaction, released: StoreItem[], actor: AuthenticatedUser): Promise<void> {
    if (released.length === 0) return;
    // Audited first: the rows are held, and go with the detentions' update in one statement.
    await this.audit.recordMany(tx, released.map(({ detention }) => auditOf(detention, 'update', actor)));
    await this.store.releaseMany(tx, released);
  }
}
