/** The shapes of release-calendar's and referral's answers that the SPIP's screens read (their OpenAPI documents). */

export type ReferralStatus =
  | 'to_complete' | 'submitted' | 'scheduled' | 'oriented' | 'deferred' | 'refused'
  | 'placement_proposed' | 'placement_confirmed' | 'on_hold' | 'closed' | 'withdrawn';
export type AlertLevel = 'watch' | 'warning' | 'critical';
export type AlertKind = 'sortie_seche_risk' | 'lsc_at_risk' | 'stalled_incomplete' | 'stalled_no_decision';
export type HouseholdComposition = 'alone' | 'couple' | 'alone_with_children' | 'couple_with_children';
export type ApplicantGender = 'man' | 'woman';
export type ResourceKind = 'rsa' | 'aah' | 'are' | 'salary' | 'none';
export type RightName = 'identity_papers' | 'health_insurance' | 'bank_account' | 'france_travail' | 'rsa_or_aah';
export type RightStatus = 'open' | 'to_reopen' | 'not_applicable';
export type ConsentRecipient = 'siao' | 'host_structures' | 'health_partners';
export type WithdrawalReason = 'person_declined' | 'other_solution' | 'release_cancelled';

export interface PersonIdentity {
  lastName: string;
  firstNames: string;
  birthDate: string;
}

export interface Detention {
  id: string;
  personId: string;
  identity: PersonIdentity;
  establishmentCode: string;
  establishmentName: string;
  spipDepartement: string;
  expectedReleaseDate: string;
  expectedReleaseKind: string;
  status: string;
}

export interface ReferralFile {
  household?: { composition: HouseholdComposition; applicantGender: ApplicantGender; childrenAges: number[] };
  needs?: { reducedMobility: boolean; animals: boolean };
  resources?: ResourceKind[];
  rights: Partial<Record<RightName, RightStatus>>;
  preferredTerritories?: string[];
  careContinuity?: boolean;
  socialEvaluation?: string;
}

export interface Consent {
  decision: 'given' | 'refused';
  decidedOn: string;
  scope: string;
  recipients: ConsentRecipient[];
  withdrawnOn?: string;
}

export interface OpenAlert {
  kind: AlertKind;
  level: AlertLevel;
  raisedOn: string;
}

export interface Violation {
  field: string;
  rule: string;
  message: string;
}

export interface Referral {
  id: string;
  personId: string;
  detentionId: string;
  status: ReferralStatus;
  spipDepartement: string;
  siaoDepartement: string;
  establishmentCode: string;
  establishmentName: string;
  identity: PersonIdentity;
  expectedReleaseDate: string;
  daysToRelease: number;
  urgent: boolean;
  openedOn: string;
  submissions: number;
  file: ReferralFile;
  consent?: Consent;
  returnedMissing: string[];
  placement?: { placementId: string; structureId: string; structureType: string; entryDate: string; confirmed: boolean };
  releasedOn?: string;
  alertLevel?: AlertLevel;
  openAlerts: OpenAlert[];
  missingForSubmission: Violation[];
}

export interface TimelineEntry {
  at: string;
  entry: string;
  detail: Record<string, unknown>;
  actor: string;
}

export interface ReferralWithTimeline extends Referral {
  timeline: TimelineEntry[];
}
