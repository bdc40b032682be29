import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { HousingRequestRef, PLACEMENT_CANCELLATION_REASONS, PlacementCancellationReasonName } from './housing-payloads';

/** A proposal that will not be taken: another placement was confirmed, the request withdrawn, or the orientation lapsed. */
export class PlacementCancelledV1 extends HousingRequestRef {
  @IsUUID() placementId!: string;
  @IsUUID() structureId!: string;
  @IsIn(PLACEMENT_CANCELLATION_REASONS) reason!: PlacementCancellationReasonName;
}

export const placementCancelledV1 = defineEvent({
  name: 'housing-placement.placement.cancelled',
  version: 1,
  topic: Topics.housingPlacement,
  payload: PlacementCancelledV1,
  key: (event) => event.personId,
  subject: (event) => event.requestId,
});
