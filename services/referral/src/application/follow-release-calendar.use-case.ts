import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK, Transaction } from '@passerelle/service-kit';
import { Referral, ReleaseWindowFacts } from '../domain/referral';
import { REFERRAL_JOURNAL, ReferralJournal, SortieSecheRecord } from './ports/referral-journal';
import { REFERRAL_REPOSITORY, ReferralRepository } from './ports/referral.repository';
import { ReferralEventPublisher } from './referral-event-publisher';
import { ReferralChangeFn, ReferralStore } from './referral-store';

const SOURCE = 'release-calendar';

export type ReleasedDetention = Omit<SortieSecheRecord, 'reason' | 'referralId'>;

/**
 * What release-calendar's events mean for the SIAO request. Each runs in the consumer's inbox
 * transaction with the referral's row locked, so a redelivered event never opens a second
 * request or applies twice, and one person's events apply one after the other.
 */
@Injectable()
export class FollowReleaseCalendar {
  constructor(
    @Inject(REFERRAL_REPOSITORY) private readonly referrals: ReferralRepository,
    @Inject(REFERRAL_JOURNAL) private readonly journal: ReferralJournal,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly store: ReferralStore,
    private readonly events: ReferralEventPublisher,
  ) {}

  /** Locks, in one read, the requests of the detentions a batch of events is about. */
  lockRequestsOf(tx: Transaction, detentionIds: string[]): Promise<void> {
    return this.referrals.lockByDetentions(tx, [...new Set(detentionIds)]);
  }

  /** Opens the request, or resumes it when the window reopens for the same detention. */
  async windowOpened(tx: Transaction, window: ReleaseWindowFacts): Promise<void> {
    const existing = await this.referrals.lockByDetention(tx, window.detentionId);
    if (existing) return this.store.save(tx, existing, existing.windowReopened(window, this.store.today()), SOURCE);
    const { referral, changes } = Referral.open(randomUUID(), window, this.store.today());
    await this.store.save(tx, referral, changes, SOURCE, true);
  }

  windowClosed(tx: Transaction, detentionId: string): Promise<void> {
    return this.apply(tx, detentionId, (referral) => referral.windowClosed());
  }

  releaseDateChanged(tx: Transaction, detentionId: string, expectedReleaseDate: string): Promise<void> {
    return this.apply(tx, detentionId, (referral, today) => referral.releaseDateMoved(expectedReleaseDate, today));
  }

  releaseApproaching(tx: Transaction, detentionId: string, daysBefore: number): Promise<void> {
    return this.apply(tx, detentionId, (referral, today) => referral.releaseApproaching(daysBefore, today));
  }

  lscReviewDue(tx: Transaction, detentionId: string): Promise<void> {
    return this.apply(tx, detentionId, (referral, today) => referral.lscReviewDue(today));
  }

  transferred(tx: Transaction, detentionId: string, spipDepartement: string, establishment: { code: string; name: string }): Promise<void> {
    return this.apply(tx, detentionId, (referral) => referral.transferred(spipDepartement, establishment));
  }

  /** Released: the request judges it; with no request at all, the sortie sèche is `no_request`. */
  async released(tx: Transaction, detention: ReleasedDetention): Promise<void> {
    const referral = await this.referrals.lockByDetention(tx, detention.detentionId);
    if (referral) return this.store.save(tx, referral, referral.released(detention.releasedOn, this.store.today()), SOURCE);
    const record: SortieSecheRecord = { ...detention, reason: 'no_request' };
    if (await this.journal.recordSortieSeche(tx, record, this.clock.now())) await this.events.publishSortieSecheWithoutRequest(tx, record);
  }

  /** Events about a detention whose window never opened concern no request: nothing to do. */
  private async apply(tx: Transaction, detentionId: string, change: ReferralChangeFn): Promise<void> {
    await this.store.change(tx, await this.referrals.lockByDetention(tx, detentionId), SOURCE, change);
  }
}
