import { IsUUID } from 'class-validator';
import { IsCalendarDate, IsDepartementCode } from '../common/validators';

/** The SIAO request each referral event is about; no identity, no health data, no offence. */
export class ReferralRef {
  @IsUUID() referralId!: string;
  @IsUUID() personId!: string;
  @IsUUID() detentionId!: string;
  @IsDepartementCode() spipDepartement!: string;
  @IsDepartementCode() siaoDepartement!: string;
  @IsCalendarDate() expectedReleaseDate!: string;
}

export const ALERT_LEVELS = ['watch', 'warning', 'critical'] as const;
export type AlertLevelName = (typeof ALERT_LEVELS)[number];

/** DOMAIN.md, "Alerts that the field needs": the sortie-sèche risk, the LSC at risk, the stalled request. */
export const ALERT_KINDS = ['sortie_seche_risk', 'lsc_at_risk', 'stalled_incomplete', 'stalled_no_decision'] as const;
export type AlertKindName = (typeof ALERT_KINDS)[number];

export const SORTIE_SECHE_REASONS = [
  'no_request', 'request_incomplete', 'no_decision', 'no_place', 'refused', 'declined_by_person', 'no_show',
  'request_on_hold',
] as const;
export type SortieSecheReasonName = (typeof SORTIE_SECHE_REASONS)[number];

export const WITHDRAWAL_REASONS = ['person_declined', 'other_solution', 'release_cancelled', 'consent_withdrawn'] as const;
export type WithdrawalReasonName = (typeof WITHDRAWAL_REASONS)[number];

export const CLOSE_OUTCOMES = ['housed', 'released_without_placement', 'no_show'] as const;
export type CloseOutcomeName = (typeof CLOSE_OUTCOMES)[number];

export const HOUSEHOLD_COMPOSITIONS = ['alone', 'couple', 'alone_with_children', 'couple_with_children'] as const;
export type HouseholdCompositionName = (typeof HOUSEHOLD_COMPOSITIONS)[number];

/** Who the structures' acceptance rules (men, women) are checked against; no other identity travels. */
export const APPLICANT_GENDERS = ['man', 'woman'] as const;
export type ApplicantGenderName = (typeof APPLICANT_GENDERS)[number];

export const RESOURCE_KINDS = ['rsa', 'aah', 'are', 'salary', 'none'] as const;
export type ResourceKindName = (typeof RESOURCE_KINDS)[number];

/** The rights to reopen before release (DOMAIN.md): their delays block entry into housing. */
export const RIGHTS = ['identity_papers', 'health_insurance', 'bank_account', 'france_travail', 'rsa_or_aah'] as const;
export type RightName = (typeof RIGHTS)[number];

export const CONSENT_RECIPIENTS = ['siao', 'host_structures', 'health_partners'] as const;
export type ConsentRecipientName = (typeof CONSENT_RECIPIENTS)[number];
