import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  LscReviewDueV1, lscReviewDueV1, PersonReleasedV1, personReleasedV1, PersonTransferredV1, personTransferredV1, ReleaseApproachingV1, releaseApproachingV1,
  ReleaseDateChangedV1, releaseDateChangedV1, WindowClosedV1, windowClosedV1, WindowOpenedV1, windowOpenedV1,
} from '@passerelle/contracts';
import { ConsumedEvent, HandlesEvent, PreparesEvents } from '@passerelle/messaging';
import { FollowReleaseCalendar } from '../../application/follow-release-calendar.use-case';

/**
 * Release-calendar's calendar events, keyed by person: one person's events arrive in order, each
 * handled once in the inbox transaction.
 */
@Injectable()
export class CalendarEventsConsumer {
  constructor(private readonly follow: FollowReleaseCalendar) {}

  @PreparesEvents()
  prepare(events: ConsumedEvent<{ detentionId: string }>[], tx: EntityManager): Promise<void> {
    return this.follow.lockRequestsOf(tx, events.map(({ data }) => data.detentionId));
  }

  @HandlesEvent(windowOpenedV1)
  onWindowOpened({ data }: ConsumedEvent<WindowOpenedV1>, tx: EntityManager): Promise<void> {
    return this.follow.windowOpened(tx, {
      detentionId: data.detentionId, personId: data.personId, spipDepartement: data.spipDepartement,
      siaoDepartement: data.destinationDepartement, expectedReleaseDate: data.expectedReleaseDate, urgent: data.urgent,
      establishmentCode: data.establishmentCode, establishmentName: data.establishmentName, identity: { ...data.identity },
    });
  }

  @HandlesEvent(windowClosedV1)
  onWindowClosed({ data }: ConsumedEvent<WindowClosedV1>, tx: EntityManager): Promise<void> {
    return this.follow.windowClosed(tx, data.detentionId);
  }

  @HandlesEvent(releaseDateChangedV1)
  onReleaseDateChanged({ data }: ConsumedEvent<ReleaseDateChangedV1>, tx: EntityManager): Promise<void> {
    return this.follow.releaseDateChanged(tx, data.detentionId, data.expectedReleaseDate);
  }

  @HandlesEvent(releaseApproachingV1)
  onReleaseApproaching({ data }: ConsumedEvent<ReleaseApproachingV1>, tx: EntityManager): Promise<void> {
    return this.follow.releaseApproaching(tx, data.detentionId, data.daysBefore);
  }

  @HandlesEvent(lscReviewDueV1)
  onLscReviewDue({ data }: ConsumedEvent<LscReviewDueV1>, tx: EntityManager): Promise<void> {
    return this.follow.lscReviewDue(tx, data.detentionId);
  }

  @HandlesEvent(personTransferredV1)
  onTransferred({ data }: ConsumedEvent<PersonTransferredV1>, tx: EntityManager): Promise<void> {
    return this.follow.transferred(tx, data.detentionId, data.spipDepartement, { code: data.toEstablishmentCode, name: data.toEstablishmentName });
  }

  @HandlesEvent(personReleasedV1)
  onReleased({ data }: ConsumedEvent<PersonReleasedV1>, tx: EntityManager): Promise<void> {
    return this.follow.released(tx, {
      detentionId: data.detentionId, personId: data.personId, spipDepartement: data.spipDepartement,
      siaoDepartement: data.destinationDepartement, expectedReleaseDate: data.expectedReleaseDate, releasedOn: data.releasedOn,
    });
  }
}
