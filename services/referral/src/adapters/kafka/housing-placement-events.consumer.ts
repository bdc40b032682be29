import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  OrientationDecidedV1, orientationDecidedV1, PersonEnteredV1, personEnteredV1, PersonNoShowV1, personNoShowV1,
  PlacementCancelledV1, placementCancelledV1, PlacementConfirmedV1, placementConfirmedV1, PlacementDeclinedV1, placementDeclinedV1,
  PlacementProposedV1, placementProposedV1, PlacementRefusedV1, placementRefusedV1, RequestDeferredV1, requestDeferredV1, RequestRefusedV1, requestRefusedV1,
  RequestReturnedV1, requestReturnedV1, RequestScheduledV1, requestScheduledV1,
} from '@passerelle/contracts';
import { ConsumedEvent, HandlesEvent } from '@passerelle/messaging';
import { FollowHousingPlacement } from '../../application/follow-housing-placement.use-case';

const placementOf = (data: PlacementProposedV1 | PlacementConfirmedV1) => ({
  placementId: data.placementId, structureId: data.structureId, structureType: data.structureType, entryDate: data.entryDate,
});

/** Housing-placement's decisions about the requests, keyed by person, each handled once. */
@Injectable()
export class HousingPlacementEventsConsumer {
  constructor(private readonly follow: FollowHousingPlacement) {}

  @HandlesEvent(requestReturnedV1)
  onReturned({ data }: ConsumedEvent<RequestReturnedV1>, tx: EntityManager): Promise<void> {
    return this.follow.returned(tx, data.referralId, data.missing);
  }

  @HandlesEvent(requestScheduledV1)
  onScheduled({ data }: ConsumedEvent<RequestScheduledV1>, tx: EntityManager): Promise<void> {
    return this.follow.decided(tx, data.referralId, { kind: 'scheduled', sessionDate: data.sessionDate });
  }

  @HandlesEvent(orientationDecidedV1)
  onOriented({ data }: ConsumedEvent<OrientationDecidedV1>, tx: EntityManager): Promise<void> {
    return this.follow.decided(tx, data.referralId, { kind: 'oriented', structureType: data.structureType, structureId: data.structureId });
  }

  @HandlesEvent(requestDeferredV1)
  onDeferred({ data }: ConsumedEvent<RequestDeferredV1>, tx: EntityManager): Promise<void> {
    return this.follow.decided(tx, data.referralId, { kind: 'deferred', reason: data.reason, reconsiderOn: data.reconsiderOn });
  }

  @HandlesEvent(requestRefusedV1)
  onRefused({ data }: ConsumedEvent<RequestRefusedV1>, tx: EntityManager): Promise<void> {
    return this.follow.decided(tx, data.referralId, { kind: 'refused', reason: data.reason });
  }

  @HandlesEvent(placementProposedV1)
  onProposed({ data }: ConsumedEvent<PlacementProposedV1>, tx: EntityManager): Promise<void> {
    return this.follow.decided(tx, data.referralId, { kind: 'placement_proposed', placement: placementOf(data) });
  }

  @HandlesEvent(placementConfirmedV1)
  onConfirmed({ data }: ConsumedEvent<PlacementConfirmedV1>, tx: EntityManager): Promise<void> {
    return this.follow.decided(tx, data.referralId, { kind: 'placement_confirmed', placement: placementOf(data) });
  }

  @HandlesEvent(placementDeclinedV1)
  onDeclined({ data }: ConsumedEvent<PlacementDeclinedV1>, tx: EntityManager): Promise<void> {
    return this.follow.decided(tx, data.referralId, { kind: 'placement_declined', placementId: data.placementId, by: data.by });
  }

  @HandlesEvent(placementRefusedV1)
  onRefusedByStructure({ data }: ConsumedEvent<PlacementRefusedV1>, tx: EntityManager): Promise<void> {
    return this.follow.decided(tx, data.referralId, { kind: 'placement_declined', placementId: data.placementId, by: 'structure' });
  }

  @HandlesEvent(placementCancelledV1)
  onCancelled({ data }: ConsumedEvent<PlacementCancelledV1>, tx: EntityManager): Promise<void> {
    return this.follow.decided(tx, data.referralId, { kind: 'placement_cancelled', placementId: data.placementId });
  }

  @HandlesEvent(personEnteredV1)
  onEntered({ data }: ConsumedEvent<PersonEnteredV1>, tx: EntityManager): Promise<void> {
    return this.follow.entered(tx, data.referralId);
  }

  @HandlesEvent(personNoShowV1)
  onNoShow({ data }: ConsumedEvent<PersonNoShowV1>, tx: EntityManager): Promise<void> {
    return this.follow.noShow(tx, data.referralId);
  }
}
