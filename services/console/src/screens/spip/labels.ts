import type {
  AlertKind, AlertLevel, ApplicantGender, ConsentRecipient, HouseholdComposition, ReferralStatus, ResourceKind, RightName, RightStatus,
  WithdrawalReason,
} from './referral-types';

/** The request's statuses in the words of SI-SIAO practice (DOMAIN.md, "The SIAO request lifecycle"). */
export const STATUS_LABELS: Record<ReferralStatus, string> = {
  to_complete: 'À compléter',
  submitted: 'Transmise au SIAO',
  scheduled: 'Inscrite en commission',
  oriented: 'Orientée',
  deferred: 'Ajournée',
  refused: 'Refusée par le SIAO',
  placement_proposed: 'Place proposée',
  placement_confirmed: 'Place confirmée',
  on_hold: 'En attente (date repoussée)',
  closed: 'Clôturée',
  withdrawn: 'Retirée',
};

/** A detention whose reliquat has not reached the threshold yet has no request. */
export const NO_REFERRAL_LABEL = 'Pas encore ouverte';

export function statusLabel(status: ReferralStatus | undefined): string {
  return status ? (STATUS_LABELS[status] ?? status) : NO_REFERRAL_LABEL;
}

export const ALERT_LEVEL_LABELS: Record<AlertLevel, string> = {
  critical: 'Critique',
  warning: 'Élevée',
  watch: 'À surveiller',
};

/** DSFR badge severities: the level is always written too, colour is never the only signal. */
export const ALERT_LEVEL_SEVERITY: Record<AlertLevel, 'error' | 'warning' | 'info'> = {
  critical: 'error',
  warning: 'warning',
  watch: 'info',
};

export function alertLevelLabel(level: AlertLevel | undefined): string {
  return level ? (ALERT_LEVEL_LABELS[level] ?? level) : 'Aucune alerte';
}

export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  sortie_seche_risk: 'Risque de sortie sèche',
  lsc_at_risk: 'LSC compromise faute d’hébergement',
  stalled_incomplete: 'Demande incomplète depuis trop longtemps',
  stalled_no_decision: 'Pas de décision du SIAO depuis trop longtemps',
};

export const HOUSEHOLD_LABELS: Record<HouseholdComposition, string> = {
  alone: 'Personne seule',
  couple: 'Couple',
  alone_with_children: 'Personne seule avec enfant(s)',
  couple_with_children: 'Couple avec enfant(s)',
};

export const GENDER_LABELS: Record<ApplicantGender, string> = { man: 'Homme', woman: 'Femme' };

export const RESOURCE_LABELS: Record<ResourceKind, string> = {
  rsa: 'RSA',
  aah: 'AAH',
  are: 'Allocation chômage (ARE)',
  salary: 'Salaire',
  none: 'Aucune ressource',
};

export const RIGHT_LABELS: Record<RightName, string> = {
  identity_papers: 'Pièce d’identité',
  health_insurance: 'Assurance maladie',
  bank_account: 'Compte bancaire',
  france_travail: 'Inscription à France Travail',
  rsa_or_aah: 'RSA ou AAH',
};

export const RIGHT_STATUS_LABELS: Record<RightStatus, string> = {
  open: 'Ouvert',
  to_reopen: 'À rouvrir avant la sortie',
  not_applicable: 'Sans objet',
};

export const RECIPIENT_LABELS: Record<ConsentRecipient, string> = {
  siao: 'Le SIAO',
  host_structures: 'Les structures d’hébergement',
  health_partners: 'Les partenaires de santé',
};

/** The same recipients inside a sentence. */
export const RECIPIENT_NAMES: Record<ConsentRecipient, string> = {
  siao: 'le SIAO',
  host_structures: 'les structures d’hébergement',
  health_partners: 'les partenaires de santé',
};

export const WITHDRAWAL_LABELS: Record<WithdrawalReason, string> = {
  person_declined: 'La personne renonce à la demande',
  other_solution: 'Une autre solution d’hébergement est trouvée',
  release_cancelled: 'La sortie est annulée',
};

const RELEASE_KIND_LABELS: Record<string, string> = {
  end_of_sentence: 'Fin de peine',
  lsc: 'Libération sous contrainte',
  liberation_conditionnelle: 'Libération conditionnelle',
  placement_exterieur: 'Placement à l’extérieur',
  semi_liberte: 'Semi-liberté',
  ddse: 'Détention à domicile (DDSE)',
};

export function releaseKindLabel(kind: string): string {
  return RELEASE_KIND_LABELS[kind] ?? kind;
}

/** The caseload's count: "1 jour", "12 jours", "aujourd’hui", "dépassée de 3 jours". */
export function daysCountLabel(days: number): string {
  if (days === 0) return 'aujourd’hui';
  if (days > 0) return `${days} jour${days === 1 ? '' : 's'}`;
  return `dépassée de ${-days} jour${days === -1 ? '' : 's'}`;
}

/** "dans 12 jours", "demain", "aujourd’hui", "dépassée de 3 jours". */
export function daysToReleaseLabel(days: number): string {
  if (days === 0) return 'aujourd’hui';
  if (days === 1) return 'demain';
  if (days > 1) return `dans ${days} jours`;
  return `dépassée de ${-days} jour${days === -1 ? '' : 's'}`;
}

const ELEMENT_LABELS: Record<string, string> = {
  household: 'Composition du ménage',
  needs: 'Besoins (mobilité réduite, animaux)',
  resources: 'Ressources',
  preferredTerritories: 'Territoires souhaités',
  careContinuity: 'Continuité des soins (oui ou non)',
  socialEvaluation: 'Évaluation sociale',
  consent: 'Consentement de la personne, en vigueur, nommant le SIAO',
};

/** An element a submission still refuses, by the field the server names (`rights.bank_account`…). */
export function missingElementLabel(field: string): string {
  if (field.startsWith('rights.')) {
    const right = RIGHT_LABELS[field.slice('rights.'.length) as RightName];
    return `Droit : ${right ?? field}`;
  }
  return ELEMENT_LABELS[field] ?? field;
}
