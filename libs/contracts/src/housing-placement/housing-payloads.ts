import { IsUUID } from 'class-validator';
import { IsDepartementCode } from '../common/validators';

/** The SIAO's request each housing-placement event is about, tied back to the SPIP's referral. */
export class HousingRequestRef {
  @IsUUID() requestId!: string;
  @IsUUID() referralId!: string;
  @IsUUID() personId!: string;
  @IsDepartementCode() siaoDepartement!: string;
}

export const STRUCTURE_TYPES = [
  'chu', 'chrs', 'residence_sociale', 'pension_de_famille', 'iml', 'logement', 'lhss_act', 'appartement_sas',
] as const;
export type StructureTypeName = (typeof STRUCTURE_TYPES)[number];

export const DEFERRAL_REASONS = ['missing_information', 'release_date_uncertain', 'no_place_now', 'other'] as const;
export type DeferralReasonName = (typeof DEFERRAL_REASONS)[number];

export const REFUSAL_REASONS = ['not_eligible', 'needs_not_met', 'other_territory', 'other'] as const;
export type RefusalReasonName = (typeof REFUSAL_REASONS)[number];

/** Why a structure refused a pre-admission (kept apart from the person declining). */
export const STRUCTURE_REFUSAL_REASONS = ['no_place', 'needs_not_met', 'household_not_accepted', 'collective_life_not_suited', 'other'] as const;
export type StructureRefusalReasonName = (typeof STRUCTURE_REFUSAL_REASONS)[number];

/** Why a structure's free places changed. */
export const CAPACITY_CHANGE_REASONS = ['registered', 'capacity_updated', 'out_of_service', 'back_in_service', 'booked', 'released'] as const;
export type CapacityChangeReasonName = (typeof CAPACITY_CHANGE_REASONS)[number];

/** Refused by the structure and declined by the person are kept apart (DOMAIN.md). */
export const DECLINED_BY = ['structure', 'person'] as const;
export type DeclinedByName = (typeof DECLINED_BY)[number];

export const PLACEMENT_CANCELLATION_REASONS = ['competing_placement_confirmed', 'request_withdrawn', 'orientation_lapsed'] as const;
export type PlacementCancellationReasonName = (typeof PLACEMENT_CANCELLATION_REASONS)[number];
