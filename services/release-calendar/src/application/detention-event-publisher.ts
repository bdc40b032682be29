import { Injectable } from '@nestjs/common';
import {
  detentionRegisteredV1, lscReviewDueV1, personReleasedV1, personTransferredV1, releaseApproachingV1, releaseDateChangedV1, ReleaseDateChangeReason, windowClosedV1, windowOpenedV1,
} from '@passerelle/contracts';
import { OutboxEntry, outboxEntry, OutboxWriter } from '@passerelle/messaging';
import { Transaction } from '@passerelle/service-kit';
import { daysBetween } from '@passerelle/domain-kernel';
import { DetentionState } from '../domain/detention';
import { CalendarReached, DetentionEvent } from '../domain/detention-events';

/** A request opened with less than this before release has no time to lose. */
const URGENT_WITHIN_DAYS = 90;

/** Urgent: the person arrived already inside the window (a short sentence), or the window itself is short. */
function isUrgent(detention: DetentionState, opensOn: string): boolean {
  return detention.incarcerationDate > opensOn || daysBetween(opensOn, detention.expectedReleaseDate) <= URGENT_WITHIN_DAYS;
}

/** Maps the detention's domain events to their contract events, in the caller's transaction. */
@Injectable()
export class DetentionEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {}

  /** All the events in one outbox statement, in their order. */
  async publish(tx: Transaction, events: DetentionEvent[]): Promise<void> {
    await this.outbox.addMany(tx, events.map((event) => this.entryOf(event)));
  }

  private entryOf(event: DetentionEvent): OutboxEntry {
    const ref = refOf(event.detention);
    switch (event.kind) {
      case 'DetentionRegistered':
        return outboxEntry(detentionRegisteredV1, {
          ...ref, establishmentCode: event.detention.establishmentCode,
          expectedReleaseKind: event.detention.expectedReleaseKind, registeredAt: event.registeredAt.toISOString(),
        });
      case 'ReleaseDateChanged':
        return outboxEntry(releaseDateChangedV1, {
          ...ref, previousReleaseDate: event.previousReleaseDate, reason: event.reason as ReleaseDateChangeReason, changedAt: event.changedAt.toISOString(),
        });
      case 'CalendarReached':
        return this.factEntry(event);
      case 'PersonReleased':
        return outboxEntry(personReleasedV1, { ...ref, releasedOn: event.releasedOn, releaseKind: event.detention.expectedReleaseKind });
      case 'PersonTransferred':
        return outboxEntry(personTransferredV1, {
          ...ref, fromEstablishmentCode: event.fromEstablishmentCode, toEstablishmentCode: event.detention.establishmentCode,
          toEstablishmentName: event.detention.establishmentName,
          previousSpipDepartement: event.previousSpipDepartement, transferredOn: event.transferredOn,
        });
    }
  }

  private factEntry({ detention, fact }: CalendarReached): OutboxEntry {
    const ref = refOf(detention);
    switch (fact.kind) {
      case 'WindowOpened':
        return outboxEntry(windowOpenedV1, {
          ...ref, opensOn: fact.opensOn,
          urgent: isUrgent(detention, fact.opensOn),
          establishmentCode: detention.establishmentCode, establishmentName: detention.establishmentName,
          identity: { ...detention.identity },
        });
      case 'WindowClosed':
        return outboxEntry(windowClosedV1, { ...ref, closedOn: fact.on, opensOn: fact.opensOn });
      case 'ReleaseApproaching':
        return outboxEntry(releaseApproachingV1, { ...ref, daysBefore: fact.daysBefore, milestoneOn: fact.on });
      case 'LscReviewDue':
        return outboxEntry(lscReviewDueV1, { ...ref, reviewOn: fact.reviewOn });
    }
  }
}

function refOf(detention: DetentionState) {
  return {
    detentionId: detention.id,
    personId: detention.personId,
    spipDepartement: detention.spipDepartement,
    destinationDepartement: detention.destinationDepartement,
    expectedReleaseDate: detention.expectedReleaseDate,
  };
}
