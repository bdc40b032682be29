import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { HousingRequestRef, STRUCTURE_TYPES, StructureTypeName } from './housing-payloads';

/** The commission oriented the person to a type of structure and/or a structure. */
export class OrientationDecidedV1 extends HousingRequestRef {
  @IsUUID() sessionId!: string;
  @IsOptional() @IsIn(STRUCTURE_TYPES) structureType?: StructureTypeName;
  @IsOptional() @IsUUID() structureId?: string;
}

export const orientationDecidedV1 = defineEvent({
  name: 'housing-placement.orientation.decided',
  version: 1,
  topic: Topics.housingPlacement,
  payload: OrientationDecidedV1,
  key: (event) => event.personId,
  subject: (event) => event.requestId,
});
