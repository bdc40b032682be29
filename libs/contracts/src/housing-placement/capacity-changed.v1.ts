import { IsIn, IsInt, IsUUID, Min } from 'class-validator';
import { IsCalendarDate, IsDepartementCode } from '../common/validators';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { CAPACITY_CHANGE_REASONS, CapacityChangeReasonName, STRUCTURE_TYPES, StructureTypeName } from './housing-payloads';

/**
 * A structure's places changed: registered, resized, taken out of or back into service, booked or
 * released. Figures are those of `asOf` (today in Europe/Paris). Keyed by structure: no person in it.
 */
export class CapacityChangedV1 {
  @IsUUID() structureId!: string;
  @IsDepartementCode() siaoDepartement!: string;
  @IsIn(STRUCTURE_TYPES) structureType!: StructureTypeName;
  @IsIn(CAPACITY_CHANGE_REASONS) reason!: CapacityChangeReasonName;
  @IsCalendarDate() asOf!: string;
  @IsInt() @Min(0) capacity!: number;
  /** Places fléchées justice: reserved for people leaving prison. */
  @IsInt() @Min(0) reservedJusticePlaces!: number;
  /** Places volantes: kept free for an emergency release. */
  @IsInt() @Min(0) volantePlaces!: number;
  @IsInt() @Min(0) outOfService!: number;
  @IsInt() @Min(0) occupied!: number;
  @IsInt() @Min(0) occupiedJustice!: number;
  @IsInt() @Min(0) free!: number;
  @IsInt() @Min(0) freeJustice!: number;
}

export const capacityChangedV1 = defineEvent({
  name: 'housing-placement.capacity.changed',
  version: 1,
  topic: Topics.housingPlacement,
  payload: CapacityChangedV1,
  key: (event) => event.structureId,
  subject: (event) => event.structureId,
});
