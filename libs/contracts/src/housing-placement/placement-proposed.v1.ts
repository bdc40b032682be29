import { IsIn, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../common/validators';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { HousingRequestRef, STRUCTURE_TYPES, StructureTypeName } from './housing-payloads';

/** The oriented structure pre-admits the person with an entry date inside the release window. */
export class PlacementProposedV1 extends HousingRequestRef {
  @IsUUID() placementId!: string;
  @IsUUID() structureId!: string;
  @IsIn(STRUCTURE_TYPES) structureType!: StructureTypeName;
  @IsCalendarDate() entryDate!: string;
}

export const placementProposedV1 = defineEvent({
  name: 'housing-placement.placement.proposed',
  version: 1,
  topic: Topics.housingPlacement,
  payload: PlacementProposedV1,
  key: (event) => event.personId,
  subject: (event) => event.requestId,
});
