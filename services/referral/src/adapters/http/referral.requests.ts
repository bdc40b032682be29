import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min,
} from 'class-validator';
import {
  ALERT_KINDS, APPLICANT_GENDERS, ApplicantGenderName, ALERT_LEVELS, CONSENT_RECIPIENTS, ConsentRecipientName, HOUSEHOLD_COMPOSITIONS, HouseholdCompositionName,
  IsCalendarDate, IsDepartementCode, Nested, RESOURCE_KINDS, ResourceKindName, RightName, WITHDRAWAL_REASONS,
} from '@passerelle/contracts';
import { RightStatus } from '../../domain/referral-file';

const REFERRAL_STATUSES = [
  'to_complete', 'submitted', 'scheduled', 'oriented', 'deferred', 'refused', 'placement_proposed', 'placement_confirmed',
  'on_hold', 'closed', 'withdrawn',
] as const;
const RIGHT_STATUSES: RightStatus[] = ['open', 'to_reopen', 'not_applicable'];
const SPIP_WITHDRAWAL_REASONS = WITHDRAWAL_REASONS.filter((reason) => reason !== 'consent_withdrawn');

export class HouseholdRequest {
  @ApiProperty({ enum: HOUSEHOLD_COMPOSITIONS }) @IsIn(HOUSEHOLD_COMPOSITIONS) composition!: HouseholdCompositionName;
  /** Checked against the structures' acceptance rules (men, women). */
  @ApiProperty({ enum: APPLICANT_GENDERS }) @IsIn(APPLICANT_GENDERS) applicantGender!: ApplicantGenderName;
  @ApiProperty({ type: [Number], example: [] }) @ArrayMaxSize(12) @IsInt({ each: true }) @Min(0, { each: true }) @Max(25, { each: true })
  childrenAges!: number[];
}

export class NeedsRequest {
  @ApiProperty() @IsBoolean() reducedMobility!: boolean;
  @ApiProperty() @IsBoolean() animals!: boolean;
}

/** Each right's status; a right left out keeps the status it had. */
export class RightsRequest implements Partial<Record<RightName, RightStatus>> {
  @ApiPropertyOptional({ enum: RIGHT_STATUSES }) @IsOptional() @IsIn(RIGHT_STATUSES) identity_papers?: RightStatus;
  @ApiPropertyOptional({ enum: RIGHT_STATUSES }) @IsOptional() @IsIn(RIGHT_STATUSES) health_insurance?: RightStatus;
  @ApiPropertyOptional({ enum: RIGHT_STATUSES }) @IsOptional() @IsIn(RIGHT_STATUSES) bank_account?: RightStatus;
  @ApiPropertyOptional({ enum: RIGHT_STATUSES }) @IsOptional() @IsIn(RIGHT_STATUSES) france_travail?: RightStatus;
  @ApiPropertyOptional({ enum: RIGHT_STATUSES }) @IsOptional() @IsIn(RIGHT_STATUSES) rsa_or_aah?: RightStatus;
}

/** A partial update of the file: only the elements given change. */
export class UpdateFileRequest {
  @ApiPropertyOptional({ type: HouseholdRequest }) @IsOptional() @Nested(() => HouseholdRequest) household?: HouseholdRequest;
  @ApiPropertyOptional({ type: NeedsRequest }) @IsOptional() @Nested(() => NeedsRequest) needs?: NeedsRequest;
  @ApiPropertyOptional({ enum: RESOURCE_KINDS, isArray: true }) @IsOptional() @ArrayMinSize(1) @ArrayUnique() @IsIn(RESOURCE_KINDS, { each: true })
  resources?: ResourceKindName[];
  @ApiPropertyOptional({ type: RightsRequest }) @IsOptional() @Nested(() => RightsRequest) rights?: RightsRequest;
  @ApiPropertyOptional({ type: [String], example: ['Marseille'] })
  @IsOptional() @ArrayMinSize(1) @ArrayMaxSize(5) @IsString({ each: true }) @Length(1, 100, { each: true })
  preferredTerritories?: string[];
  @ApiPropertyOptional({ description: 'Care continuity must be organised: a flag the person chose to disclose, never a diagnosis' })
  @IsOptional() @IsBoolean() careContinuity?: boolean;
  @ApiPropertyOptional({ description: 'Free text; medical information is refused' }) @IsOptional() @IsString() @MaxLength(8000)
  socialEvaluation?: string;
}

export class ConsentRequest {
  @ApiProperty({ enum: ['given', 'refused'] }) @IsIn(['given', 'refused']) decision!: 'given' | 'refused';
  @ApiProperty({ example: '2026-11-23' }) @IsCalendarDate() decidedOn!: string;
  @ApiProperty({ example: 'Orientation vers un hébergement ou un logement à la sortie' }) @IsString() @Length(1, 500) scope!: string;
  @ApiProperty({ enum: CONSENT_RECIPIENTS, isArray: true }) @ArrayUnique() @IsIn(CONSENT_RECIPIENTS, { each: true })
  recipients!: ConsentRecipientName[];
}

export class ConsentWithdrawalRequest {
  @ApiProperty({ example: '2026-11-23' }) @IsCalendarDate() withdrawnOn!: string;
}

export class WithdrawalRequest {
  @ApiProperty({ enum: SPIP_WITHDRAWAL_REASONS }) @IsIn(SPIP_WITHDRAWAL_REASONS) reason!: 'person_declined' | 'other_solution' | 'release_cancelled';
}

export class ListReferralsRequest {
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES }) @IsOptional() @IsIn(REFERRAL_STATUSES) status?: (typeof REFERRAL_STATUSES)[number];
  @ApiPropertyOptional({ enum: ALERT_LEVELS }) @IsOptional() @IsIn(ALERT_LEVELS) alertLevel?: (typeof ALERT_LEVELS)[number];
  @ApiPropertyOptional({ example: '2027-03-31' }) @IsOptional() @IsCalendarDate() dueBefore?: string;
  @ApiPropertyOptional({ example: '13', description: 'The SPIP département' }) @IsOptional() @IsDepartementCode() spip?: string;
  @ApiPropertyOptional({ example: 'CP-MARSEILLE' }) @IsOptional() @IsString() @Length(1, 20) establishment?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page = 1;
  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize = 50;
}

export class ListAlertsRequest {
  @ApiPropertyOptional({ enum: ALERT_KINDS }) @IsOptional() @IsIn(ALERT_KINDS) kind?: (typeof ALERT_KINDS)[number];
}
