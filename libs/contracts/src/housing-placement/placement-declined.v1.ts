import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { HousingRequestRef, DECLINED_BY, DeclinedByName } from './housing-payloads';

/** The structure refused the person, or the person declined the place: kept apart. */
export class PlacementDeclinedV1 extends HousingRequestRef {
  @IsUUID() placementId!: string;
  @IsUUID() structureId!: string;
  @IsIn(DECLINED_BY) by!: DeclinedByName;
}

export const placementDeclinedV1 = defineEvent({
  name: 'housing-placement.placement.declined',
  version: 1,
  topic: Topics.housingPlacement,
  payload: PlacementDeclinedV1,
  key: (event) => event.personId,
  subject: (event) => event.requestId,
});
