import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail, AuthenticatedUser } from '@passerelle/auth';
import { Clock, CLOCK, parisDate, UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { AlertKind } from '../domain/referral-alerts';
import { REFERRAL_JOURNAL, ReferralJournal, TimelineEntry } from './ports/referral-journal';
import { OpenAlert, REFERRAL_REPOSITORY, ReferralQuery, ReferralRepository } from './ports/referral.repository';
import { mayRead, ReferralNotFoundError, scopeOf } from './referral-access';
import { ReferralView, viewOf } from './referral-view';

export type ReferralListRequest = Omit<ReferralQuery, 'view' | 'departements'>;

export interface ReferralPage {
  items: ReferralView[];
  page: number;
  pageSize: number;
  total: number;
}

/** Reading the caseload and the files. Every file read is audited: files can be requisitioned. */
@Injectable()
export class ReferralQueries {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(REFERRAL_REPOSITORY) private readonly referrals: ReferralRepository,
    @Inject(REFERRAL_JOURNAL) private readonly journal: ReferralJournal,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  list(request: ReferralListRequest, actor: AuthenticatedUser): Promise<ReferralPage> {
    return this.unitOfWork.run(async (tx) => {
      const { items, total } = await this.referrals.list(tx, { ...request, ...scopeOf(actor) });
      const today = parisDate(this.clock.now());
      const views = items.map((referral) => viewOf(referral, today));
      await this.audit.recordMany(tx, views.map(({ referral }) => ({
        actor, action: 'read', resourceType: 'referral', resourceId: referral.id, personId: referral.personId,
      })));
      return { items: views, page: request.page, pageSize: request.pageSize, total };
    });
  }

  get(id: string, actor: AuthenticatedUser): Promise<ReferralView & { timeline: TimelineEntry[] }> {
    return this.unitOfWork.run(async (tx) => {
      const referral = await this.referrals.findById(tx, id);
      if (!referral || !mayRead(actor, referral.snapshot())) throw new ReferralNotFoundError(id);
      await this.audit.record(tx, { actor, action: 'read', resourceType: 'referral', resourceId: id, personId: referral.snapshot().personId });
      return { ...viewOf(referral, parisDate(this.clock.now())), timeline: await this.journal.timelineOf(tx, id) };
    });
  }

  /** Open alerts carry no identity, but name the person's case: each case listed is audited as read. */
  openAlerts(actor: AuthenticatedUser, kind?: AlertKind): Promise<OpenAlert[]> {
    return this.unitOfWork.run(async (tx) => {
      const alerts = await this.referrals.openAlerts(tx, scopeOf(actor), kind);
      const cases = new Map(alerts.map((alert) => [alert.referralId, alert.personId]));
      await this.audit.recordMany(tx, [...cases].map(([referralId, personId]) => ({
        actor, action: 'read', resourceType: 'referral', resourceId: referralId, personId,
      })));
      return alerts;
    });
  }
}
