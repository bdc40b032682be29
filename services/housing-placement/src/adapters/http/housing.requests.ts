import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateIf,
} from 'class-validator';
import {
  DEFERRAL_REASONS, DeferralReasonName, IsCalendarDate, IsDepartementCode, Nested, REFUSAL_REASONS, RefusalReasonName,
  STRUCTURE_REFUSAL_REASONS, STRUCTURE_TYPES, StructureRefusalReasonName, StructureTypeName,
} from '@passerelle/contracts';
import { MAX_CAPACITY } from '../../domain/structure';

/** Optional, but never null: a null would reach a NOT NULL column. */
const Present = () => ValidateIf((_request: object, value: unknown) => value !== undefined);

export class AcceptanceRequest {
  @ApiProperty() @IsBoolean() men!: boolean;
  @ApiProperty() @IsBoolean() women!: boolean;
  @ApiProperty() @IsBoolean() couples!: boolean;
  @ApiProperty() @IsBoolean() children!: boolean;
  @ApiProperty() @IsBoolean() animals!: boolean;
  @ApiProperty() @IsBoolean() reducedMobility!: boolean;
}

export class RegisterStructureRequest {
  @ApiProperty({ example: 'CHRS Les Lauriers' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ enum: STRUCTURE_TYPES }) @IsIn(STRUCTURE_TYPES) type!: StructureTypeName;
  @ApiProperty({ example: '13' }) @IsDepartementCode() departement!: string;
  @ApiProperty({ example: 'Marseille', description: 'Commune or bassin de vie, matched against the preferred territories' })
  @IsString() @Length(1, 100) area!: string;
  @ApiProperty({ maximum: MAX_CAPACITY }) @IsInt() @Min(0) @Max(MAX_CAPACITY) capacity!: number;
  @ApiProperty({ description: 'Places fléchées justice' }) @IsInt() @Min(0) @Max(MAX_CAPACITY) reservedJusticePlaces!: number;
  @ApiProperty({ description: 'Places volantes kept free for an emergency' }) @IsInt() @Min(0) @Max(MAX_CAPACITY) volantePlaces!: number;
  @ApiProperty({ type: AcceptanceRequest }) @Nested(() => AcceptanceRequest) accepts!: AcceptanceRequest;
}

export class UpdateStructureRequest {
  @ApiPropertyOptional() @Present() @IsString() @Length(1, 200) name?: string;
  @ApiPropertyOptional({ enum: STRUCTURE_TYPES }) @Present() @IsIn(STRUCTURE_TYPES) type?: StructureTypeName;
  @ApiPropertyOptional() @Present() @IsString() @Length(1, 100) area?: string;
  @ApiPropertyOptional() @Present() @IsInt() @Min(0) @Max(MAX_CAPACITY) capacity?: number;
  @ApiPropertyOptional() @Present() @IsInt() @Min(0) @Max(MAX_CAPACITY) reservedJusticePlaces?: number;
  @ApiPropertyOptional() @Present() @IsInt() @Min(0) @Max(MAX_CAPACITY) volantePlaces?: number;
  @ApiPropertyOptional({ type: AcceptanceRequest }) @Present() @Nested(() => AcceptanceRequest) accepts?: AcceptanceRequest;
}

export class ClosureRequest {
  @ApiProperty({ example: '2027-01-04' }) @IsCalendarDate() from!: string;
  @ApiProperty({ example: '2027-02-28' }) @IsCalendarDate() to!: string;
  @ApiProperty() @IsInt() @Min(1) @Max(MAX_CAPACITY) places!: number;
  @ApiProperty({ example: 'Travaux' }) @IsString() @Length(1, 200) reason!: string;
}

export class DepartementQuery {
  @ApiProperty({ example: '13' }) @IsDepartementCode() departement!: string;
}

export class AvailabilityQuery {
  @ApiProperty({ example: '2027-01-01' }) @IsCalendarDate() from!: string;
  @ApiProperty({ example: '2027-03-31' }) @IsCalendarDate() to!: string;
}

export class QueueQuery extends DepartementQuery {
  @ApiPropertyOptional({ default: 1, maximum: 10_000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_000) page = 1;
  @ApiPropertyOptional({ default: 50, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize = 50;
}

export class SessionsQuery {
  @ApiPropertyOptional({ example: '13' }) @IsOptional() @IsDepartementCode() departement?: string;
  @ApiPropertyOptional({ example: '2026-11-01', description: 'Sessions on or after this date (default: 30 days ago)' })
  @IsOptional() @IsCalendarDate() from?: string;
}

export class PlanSessionRequest {
  @ApiProperty({ example: '13' }) @IsDepartementCode() departement!: string;
  @ApiProperty({ example: '2026-12-03' }) @IsCalendarDate() sessionDate!: string;
  @ApiProperty({ example: ['SIAO 13', 'DDETS 13', 'CHRS Les Lauriers'] })
  @ArrayMinSize(1) @ArrayMaxSize(30) @ArrayUnique() @IsString({ each: true }) @Length(1, 100, { each: true }) members!: string[];
}

export class AgendaRequest {
  @ApiProperty({ type: [String] }) @ArrayMinSize(1) @ArrayMaxSize(200) @ArrayUnique() @IsUUID('all', { each: true }) requestIds!: string[];
}

const DECISIONS = ['orientation', 'deferral', 'refusal'] as const;

export class DecisionRequest {
  @ApiProperty() @IsUUID() requestId!: string;
  @ApiProperty({ enum: DECISIONS }) @IsIn(DECISIONS) decision!: (typeof DECISIONS)[number];
  @ApiPropertyOptional({ enum: STRUCTURE_TYPES, description: 'orientation: a type of structure, a structure, or both' })
  @IsOptional() @IsIn(STRUCTURE_TYPES) structureType?: StructureTypeName;
  @ApiPropertyOptional() @IsOptional() @IsUUID() structureId?: string;
  @ApiPropertyOptional({ description: 'orientation: the commission\'s préconisation for the structure (no health data)' })
  @IsOptional() @IsString() @Length(1, 2000) preconisation?: string;
  @ApiPropertyOptional({ description: 'deferral or refusal: the reason', enum: [...DEFERRAL_REASONS, ...REFUSAL_REASONS] })
  @ValidateIf((request: DecisionRequest) => request.decision !== 'orientation')
  @IsIn([...DEFERRAL_REASONS, ...REFUSAL_REASONS]) reason?: DeferralReasonName | RefusalReasonName;
  @ApiPropertyOptional({ description: 'deferral: when the commission looks again' })
  @ValidateIf((request: DecisionRequest) => request.decision === 'deferral') @IsCalendarDate() reconsiderOn?: string;
}

export class ReturnRequest {
  @ApiProperty({ example: ['resources: justificatif de ressources'] })
  @ArrayMinSize(1) @ArrayMaxSize(30) @IsString({ each: true }) @Length(1, 200, { each: true }) missing!: string[];
}

export class PreAdmissionRequest {
  @ApiProperty() @IsUUID() structureId!: string;
  @ApiProperty({ example: '2027-03-31', description: 'Inside the entry window: from the release to 15 days after' }) @IsCalendarDate() entryDate!: string;
}

export class StructureRefusalRequest {
  @ApiProperty() @IsUUID() structureId!: string;
  @ApiProperty({ enum: STRUCTURE_REFUSAL_REASONS }) @IsIn(STRUCTURE_REFUSAL_REASONS) reason!: StructureRefusalReasonName;
}

export class EntryRequest {
  @ApiProperty({ example: '2027-03-31' }) @IsCalendarDate() enteredOn!: string;
}
