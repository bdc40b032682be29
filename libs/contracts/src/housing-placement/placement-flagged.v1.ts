import { IsUUID } from 'class-validator';
import { IsCalendarDate } from '../common/validators';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { HousingRequestRef } from './housing-payloads';

/** The release date moved and the confirmed entry date no longer fits the entry window: the structure must act. */
export class PlacementFlaggedV1 extends HousingRequestRef {
  @IsUUID() placementId!: string;
  @IsUUID() structureId!: string;
  @IsCalendarDate() entryDate!: string;
  @IsCalendarDate() expectedReleaseDate!: string;
  @IsCalendarDate() windowFrom!: string;
  @IsCalendarDate() windowTo!: string;
}

export const placementFlaggedV1 = defineEvent({
  name: 'housing-placement.placement.flagged',
  version: 1,
  topic: Topics.housingPlacement,
  payload: PlacementFlaggedV1,
  key: (event) => event.personId,
  subject: (event) => event.requestId,
});
