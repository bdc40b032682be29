import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@passerelle/service-kit';
import { Referral, ReferralChange, ReleaseWindowFacts } from '../domain/referral';
import { REFERRAL_REPOSITORY, ReferralRepository } from './ports/referral.repository';
import { ReferralEventPublisher } from './referral-event-publisher';

/**
 * What release-calendar's events mean for the SIAO request. Each runs in the consumer's inbox
 * transaction with the referral's row locked, so a redelivered or reordered-across-people event
 * never opens a second request or applies twice.
 */
@Injectable()
export class FollowReleaseCalendar {
  constructor(
    @Inject(REFERRAL_REPOSITORY) private readonly referrals: ReferralRepository,
    private readonly events: ReferralEventPublisher,
  ) {}

  /** Opens the request, or resumes it when the window reopens for the same detention. */
  async windowOpened(tx: Transaction, window: ReleaseWindowFacts): Promise<void> {
    const existing = await this.referrals.lockByDetention(tx, window.detentionId);
    if (existing) return this.save(tx, existing, existing.windowReopened(window));
    const { referral, changes } = Referral.open(randomUUID(), window);
    await this.referrals.insert(tx, referral);
    await this.events.publish(tx, referral, changes);
  }

  windowClosed(tx: Transaction, detentionId: string): Promise<void> {
    return this.apply(tx, detentionId, (referral) => referral.windowClosed());
  }

  releaseDateChanged(tx: Transaction, detentionId: string, expectedReleaseDate: string): Promise<void> {
    return this.apply(tx, detentionId, (referral) => {
      referral.releaseDateMoved(expectedReleaseDate);
      return [];
    });
  }

  releaseApproaching(tx: Transaction, detentionId: string, daysBefore: number): Promise<void> {
    return this.apply(tx, detentionId, (referral) => referral.releaseApproaching(daysBefore));
  }

  transferred(tx: Transaction, detentionId: string, spipDepartement: string): Promise<void> {
    return this.apply(tx, detentionId, (referral) => referral.transferred(spipDepartement));
  }

  released(tx: Transaction, detentionId: string, releasedOn: string): Promise<void> {
    return this.apply(tx, detentionId, (referral) => referral.released(releasedOn));
  }

  /** Events about a detention whose window never opened concern no request: nothing to do. */
  private async apply(tx: Transaction, detentionId: string, change: (referral: Referral) => ReferralChange[]): Promise<void> {
    const referral = await this.referrals.lockByDetention(tx, detentionId);
    if (referral) await this.save(tx, referral, change(referral));
  }

  private async save(tx: Transaction, referral: Referral, changes: ReferralChange[]): Promise<void> {
    await this.referrals.update(tx, referral);
    await this.events.publish(tx, referral, changes);
  }
}
