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

export const SORTIE_SECHE_REASONS = ['request_incomplete', 'no_decision', 'request_on_hold', 'request_withdrawn'] as const;
export type SortieSecheReasonName = (typeof SORTIE_SECHE_REASONS)[number];
