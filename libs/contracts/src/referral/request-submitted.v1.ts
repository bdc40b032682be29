import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsIn, IsInt, IsString, Length, Max, Min,
} from 'class-validator';
import { Nested } from '../common/nested';
import { IsCalendarDate } from '../common/validators';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import {
  APPLICANT_GENDERS, ApplicantGenderName, CONSENT_RECIPIENTS, ConsentRecipientName, HOUSEHOLD_COMPOSITIONS, HouseholdCompositionName, ReferralRef, RESOURCE_KINDS,
  ResourceKindName, RIGHTS, RightName,
} from './referral-payloads';

export class SubmittedHousehold {
  @IsIn(HOUSEHOLD_COMPOSITIONS) composition!: HouseholdCompositionName;
  @IsIn(APPLICANT_GENDERS) applicantGender!: ApplicantGenderName;
  @ArrayMaxSize(12) @IsInt({ each: true }) @Min(0, { each: true }) @Max(25, { each: true }) childrenAges!: number[];
}

export class SubmittedNeeds {
  @IsBoolean() reducedMobility!: boolean;
  @IsBoolean() animals!: boolean;
}

export class SubmittedConsent {
  @IsCalendarDate() givenOn!: string;
  @ArrayMinSize(1) @ArrayUnique() @IsIn(CONSENT_RECIPIENTS, { each: true }) recipients!: ConsentRecipientName[];
}

/**
 * The SPIP submitted the completed request, with the person's consent, to the SIAO of the
 * destination département. It carries what orientation needs and nothing more: no identity,
 * no social evaluation text (the SIAO reads the file through the audited API), never a diagnosis.
 */
export class RequestSubmittedV1 extends ReferralRef {
  @IsBoolean() urgent!: boolean;
  /** 1 for the first submission, then one more each time a returned request is submitted again. */
  @IsInt() @Min(1) submission!: number;
  @Nested(() => SubmittedHousehold) household!: SubmittedHousehold;
  @Nested(() => SubmittedNeeds) needs!: SubmittedNeeds;
  @ArrayMinSize(1) @ArrayUnique() @IsIn(RESOURCE_KINDS, { each: true }) resources!: ResourceKindName[];
  /** The rights still to reopen: their delays block entry into housing. */
  @ArrayUnique() @IsIn(RIGHTS, { each: true }) rightsToReopen!: RightName[];
  @ArrayMinSize(1) @ArrayMaxSize(5) @IsString({ each: true }) @Length(1, 100, { each: true }) preferredTerritories!: string[];
  /** A flag the person chose to disclose, never a diagnosis or a treatment. */
  @IsBoolean() careContinuity!: boolean;
  @Nested(() => SubmittedConsent) consent!: SubmittedConsent;
}

export const requestSubmittedV1 = defineEvent({
  name: 'referral.request.submitted',
  version: 1,
  topic: Topics.referral,
  payload: RequestSubmittedV1,
  key: (event) => event.personId,
  subject: (event) => event.referralId,
});
