import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { HousingRequestRef, STRUCTURE_REFUSAL_REASONS, StructureRefusalReasonName } from './housing-payloads';

/** The oriented structure refused to pre-admit the person, with its reason. */
export class PlacementRefusedV1 extends HousingRequestRef {
  @IsUUID() placementId!: string;
  @IsUUID() structureId!: string;
  @IsIn(STRUCTURE_REFUSAL_REASONS) reason!: StructureRefusalReasonName;
}

export const placementRefusedV1 = defineEvent({
  name: 'housing-placement.placement.refused',
  version: 1,
  topic: Topics.housingPlacement,
  payload: PlacementRefusedV1,
  key: (event) => event.personId,
  subject: (event) => event.requestId,
});
