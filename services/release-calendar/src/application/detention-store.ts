import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@passerelle/service-kit';
import { DepartementSettings } from '../domain/departement-settings';
import { Detention } from '../domain/detention';
import { DetentionEvent } from '../domain/detention-events';
import { DetentionEventPublisher } from './detention-event-publisher';
import { DETENTION_REPOSITORY, DetentionRepository, ReleaseDateChangeRecord } from './ports/detention.repository';

export interface StoreItem {
  detention: Detention;
  events: DetentionEvent[];
  settings: DepartementSettings;
}

/**
 * Saves a detention after a change, in the caller's transaction, with everything that goes with
 * it: the sweep's next due day, the history of date changes, and the events in the outbox.
 */
@Injectable()
export class DetentionStore {
  constructor(
    @Inject(DETENTION_REPOSITORY) private readonly detentions: DetentionRepository,
    private readonly publisher: DetentionEventPublisher,
  ) {}

  /** New detentions of an import batch: one insert, one outbox statement. */
  async registerMany(tx: Transaction, items: StoreItem[]): Promise<void> {
    await this.detentions.insertMany(tx, items.map(({ detention, settings }) => ({ detention, nextDueOn: detention.nextDueOn(settings) })));
    await this.publisher.publish(tx, items.flatMap((item) => item.events));
  }

  /** A sweep batch: only the calendar columns change, then one outbox statement. */
  async advanceMany(tx: Transaction, items: StoreItem[]): Promise<void> {
    await this.detentions.updateCalendars(tx, items.map(({ detention, settings }) => ({ detention, nextDueOn: detention.nextDueOn(settings) })));
    await this.publisher.publish(tx, items.flatMap((item) => item.events));
  }

  /** Releases reported together: one update statement, which carries the events held before it. */
  async releaseMany(tx: Transaction, items: StoreItem[]): Promise<void> {
    await this.publisher.publish(tx, items.flatMap((item) => item.events));
    await this.detentions.updateReleases(tx, items.map(({ detention, settings }) => ({ detention, nextDueOn: detention.nextDueOn(settings) })));
  }

  /** The events are held before the update, which carries them (see the repository's `update`). */
  async save(tx: Transaction, detention: Detention, events: DetentionEvent[], settings: DepartementSettings, source: string, isNew = false): Promise<void> {
    const nextDueOn = detention.nextDueOn(settings);
    if (isNew) await this.detentions.insert(tx, detention, nextDueOn);
    await this.publisher.publish(tx, events);
    if (!isNew) await this.detentions.update(tx, detention, nextDueOn, dateChangesOf(events, source));
  }
}

function dateChangesOf(events: DetentionEvent[], source: string): ReleaseDateChangeRecord[] {
  return events.flatMap((event) => event.kind !== 'ReleaseDateChanged' ? [] : [{
    detentionId: event.detention.id,
    previousDate: event.previousReleaseDate,
    newDate: event.detention.expectedReleaseDate,
    reason: event.reason,
    source,
    changedAt: event.changedAt,
  }]);
}
