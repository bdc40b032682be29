import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK, parisDate, Transaction } from '@passerelle/service-kit';
import { Referral, ReferralChange } from '../domain/referral';
import { REFERRAL_JOURNAL, ReferralJournal, TimelineEntry } from './ports/referral-journal';
import { REFERRAL_REPOSITORY, ReferralRepository } from './ports/referral.repository';
import { ReferralEventPublisher } from './referral-event-publisher';

export type ReferralChangeFn = (referral: Referral, today: string) => ReferralChange[];

/**
 * Saves a referral after a change, in the caller's transaction, with everything that goes with
 * it: the timeline, the sortie-sèche register, and the events in the outbox.
 */
@Injectable()
export class ReferralStore {
  constructor(
    @Inject(REFERRAL_REPOSITORY) private readonly referrals: ReferralRepository,
    @Inject(REFERRAL_JOURNAL) private readonly journal: ReferralJournal,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly events: ReferralEventPublisher,
  ) {}

  /** Today's date in Europe/Paris, as the domain's rules take it. */
  today(): string {
    return parisDate(this.clock.now());
  }

  /** Applies a change to a referral read under lock; nothing to do when there is none. */
  async change(tx: Transaction, referral: Referral | undefined, actor: string, change: ReferralChangeFn): Promise<void> {
    if (referral) await this.save(tx, referral, change(referral, this.today()), actor);
  }

  async save(tx: Transaction, referral: Referral, changes: ReferralChange[], actor: string, isNew = false): Promise<void> {
    if (changes.length === 0 && !isNew) return;
    if (isNew) await this.referrals.insert(tx, referral);
    else await this.referrals.update(tx, referral);
    const state = referral.snapshot();
    const at = this.clock.now();
    await this.journal.append(tx, state.id, changes.map((change) => timelineEntryOf(change, at, actor)));
    for (const change of changes) {
      if (change.kind !== 'SortieSecheRecorded') continue;
      await this.journal.recordSortieSeche(tx, {
        detentionId: state.detentionId, referralId: state.id, personId: state.personId, spipDepartement: state.spipDepartement,
        siaoDepartement: state.siaoDepartement, expectedReleaseDate: state.expectedReleaseDate, reason: change.reason, releasedOn: change.releasedOn,
      }, at);
    }
    await this.events.publish(tx, state, changes);
  }
}

function timelineEntryOf(change: ReferralChange, at: Date, actor: string): TimelineEntry {
  const { kind, ...detail } = change;
  return { at, entry: kind, detail, actor };
}
