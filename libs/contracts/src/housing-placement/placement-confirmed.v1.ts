import { IsIn, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../common/validators';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { HousingRequestRef, STRUCTURE_TYPES, StructureTypeName } from './housing-payloads';

/** The place is confirmed: the sortie-sèche risk is over; competing proposals are cancelled. */
export class PlacementConfirmedV1 extends HousingRequestRef {
  @IsUUID() placementId!: string;
  @IsUUID() structureId!: string;
  @IsIn(STRUCTURE_TYPES) structureType!: StructureTypeName;
  @IsCalendarDate() entryDate!: string;
}

export const placementConfirmedV1 = defineEvent({
  name: 'housing-placement.placement.confirmed',
  version: 1,
  topic: Topics.housingPlacement,
  payload: PlacementConfirmedV1,
  key: (event) => event.personId,
  subject: (event) => event.requestId,
});
