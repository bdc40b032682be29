import { Household, PlacementStatus, Pool, RequestStatus } from './housing-types';

/** French words for housing-placement's codes; an unknown code shows as it came rather than vanish. */
function labelOf(labels: Record<string, string>, code: string | undefined): string {
  if (!code) return '—';
  return labels[code] ?? code;
}

export const STRUCTURE_TYPE_LABELS: Record<string, string> = {
  chu: 'CHU (hébergement d’urgence)',
  chrs: 'CHRS (réinsertion sociale)',
  residence_sociale: 'Résidence sociale',
  pension_de_famille: 'Pension de famille',
  iml: 'Intermédiation locative (IML)',
  logement: 'Logement',
  lhss_act: 'LHSS / ACT',
  appartement_sas: 'Appartement SAS',
};

export const DEFERRAL_REASON_LABELS: Record<string, string> = {
  missing_information: 'Informations manquantes',
  release_date_uncertain: 'Date de sortie incertaine',
  no_place_now: 'Pas de place pour le moment',
  other: 'Autre motif',
};

export const REFUSAL_REASON_LABELS: Record<string, string> = {
  not_eligible: 'Non éligible',
  needs_not_met: 'Besoins non couverts par l’offre',
  other_territory: 'Relève d’un autre territoire',
  other: 'Autre motif',
};

export const STRUCTURE_REFUSAL_REASON_LABELS: Record<string, string> = {
  no_place: 'Plus de place',
  needs_not_met: 'Besoins non couverts',
  household_not_accepted: 'Composition du ménage non accueillie',
  collective_life_not_suited: 'Vie collective non adaptée',
  other: 'Autre motif',
};

const STATUS_LABELS: Record<RequestStatus, string> = {
  returned: 'Renvoyée au SPIP',
  awaiting_review: 'À examiner',
  scheduled: 'Inscrite à une commission',
  deferred: 'Ajournée',
  refused: 'Refusée',
  oriented: 'Orientée',
  placement_confirmed: 'Place confirmée',
  housed: 'Hébergée',
  no_show: 'Non présentée',
  lapsed: 'Orientation caduque',
  withdrawn: 'Retirée',
};

const PLACEMENT_STATUS_LABELS: Record<PlacementStatus, string> = {
  proposed: 'Pré-admission à confirmer',
  refused: 'Refusée par la structure',
  declined: 'Déclinée par la personne',
  confirmed: 'Place confirmée',
  cancelled: 'Annulée',
  entered: 'Entrée enregistrée',
  no_show: 'Non présentée',
};

export const POOL_LABELS: Record<Pool, string> = {
  justice: 'Places fléchées justice',
  general: 'Places de droit commun',
  volante: 'Places volantes (urgence)',
};

const DECISION_LABELS: Record<string, string> = {
  orientation: 'Orientation',
  deferral: 'Ajournement',
  refusal: 'Refus',
  returned: 'Renvoyée au SPIP',
};

const COMPOSITION_LABELS: Record<string, string> = {
  alone: 'Personne seule',
  couple: 'Couple',
  alone_with_children: 'Personne seule avec enfants',
  couple_with_children: 'Couple avec enfants',
};

const GENDER_LABELS: Record<string, string> = { man: 'homme', woman: 'femme' };

const RESOURCE_LABELS: Record<string, string> = { rsa: 'RSA', aah: 'AAH', are: 'ARE', salary: 'Salaire', none: 'Aucune ressource' };

const RIGHT_LABELS: Record<string, string> = {
  identity_papers: 'Papiers d’identité',
  health_insurance: 'Assurance maladie',
  bank_account: 'Compte bancaire',
  france_travail: 'France Travail',
  rsa_or_aah: 'RSA ou AAH',
};

export const structureTypeLabel = (code?: string) => labelOf(STRUCTURE_TYPE_LABELS, code);
export const requestStatusLabel = (status: RequestStatus) => labelOf(STATUS_LABELS, status);
export const placementStatusLabel = (status: PlacementStatus) => labelOf(PLACEMENT_STATUS_LABELS, status);
export const decisionLabel = (decision?: string) => (decision ? labelOf(DECISION_LABELS, decision) : 'En attente de décision');
export const deferralReasonLabel = (code?: string) => labelOf(DEFERRAL_REASON_LABELS, code);
export const refusalReasonLabel = (code?: string) => labelOf(REFUSAL_REASON_LABELS, code);
export const structureRefusalReasonLabel = (code?: string) => labelOf(STRUCTURE_REFUSAL_REASON_LABELS, code);
export const resourcesLabel = (codes: string[]) => (codes.length ? codes.map((c) => labelOf(RESOURCE_LABELS, c)).join(', ') : '—');
export const rightsLabel = (codes: string[]) => (codes.length ? codes.map((c) => labelOf(RIGHT_LABELS, c)).join(', ') : 'Aucun');

/** "Personne seule (homme)", "Couple avec enfants (femme), 2 enfants : 4 et 9 ans". */
export function householdLabel(household: Household): string {
  const base = `${labelOf(COMPOSITION_LABELS, household.composition)} (${labelOf(GENDER_LABELS, household.applicantGender)})`;
  const ages = household.childrenAges;
  if (ages.length === 0) return base;
  const listed = ages.length === 1 ? `${ages[0]} ans` : `${ages.slice(0, -1).join(', ')} et ${ages.at(-1)} ans`;
  return `${base}, ${ages.length} enfant${ages.length > 1 ? 's' : ''} : ${listed}`;
}

/** Needs a place must meet, in words; "Aucun besoin particulier" when none. */
export function needsLabel(needs: { reducedMobility: boolean; animals: boolean }): string {
  const listed = [needs.reducedMobility && 'Mobilité réduite', needs.animals && 'Avec animal'].filter(Boolean);
  return listed.length ? listed.join(', ') : 'Aucun besoin particulier';
}

/** "dans 12 jours", "aujourd’hui", "il y a 3 jours": the time left before the release. */
export function releaseCountdown(daysToRelease: number): string {
  if (daysToRelease === 0) return 'aujourd’hui';
  if (daysToRelease === 1) return 'demain';
  if (daysToRelease > 0) return `dans ${daysToRelease} jours`;
  return `il y a ${-daysToRelease} jour${daysToRelease < -1 ? 's' : ''}`;
}

/** A short reference for a request, since the commission's queue carries no identity. */
export const shortId = (id: string) => id.slice(0, 8).toUpperCase();
