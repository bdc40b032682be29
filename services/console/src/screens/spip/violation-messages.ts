import { ApiError, FieldViolation } from '../../api/api-error';
import { STATUS_LABELS } from './labels';
import type { ReferralStatus } from './referral-types';

const ACTIONS: Record<string, string> = {
  edited: 'modifiée',
  submitted: 'transmise',
  withdrawn: 'retirée',
  'given a consent': 'recevoir de consentement',
};

/** "a referral that is submitted cannot be edited", as the referral service words a step its status forbids. */
function stepRefused(message: string): string {
  const [, status, action] = /that is (\w+) cannot be (.+)$/.exec(message) ?? [];
  if (!status) return `Le statut de la demande ne permet pas cette étape (${message}).`;
  const label = STATUS_LABELS[status as ReferralStatus] ?? status;
  return `Une demande « ${label} » ne peut pas être ${ACTIONS[action] ?? action}.`;
}

/**
 * The services name each broken rule (class-validator's constraint names, the domain's own rules) and
 * word their messages in English for developers; the officer reads them in French. A rule this table
 * does not know keeps the server's own message.
 */
const RULES: Record<string, (violation: FieldViolation) => string> = {
  noHealthData: ({ message }) => {
    const term = /found "([^"]+)"/.exec(message)?.[1];
    return `Aucune information de santé${term ? ` (« ${term} » refusé)` : ''} : cochez la continuité des soins, jamais un diagnostic ni un traitement.`;
  },
  isBoolean: () => 'Répondez par oui ou par non.',
  isIn: () => 'Choisissez l’une des réponses proposées.',
  isEnum: () => 'Choisissez l’une des réponses proposées.',
  required: () => 'À renseigner avant l’envoi au SIAO.',
  requiredWithChildren: () => 'Indiquez l’âge de chaque enfant du ménage.',
  emptyWithoutChildren: () => 'Un ménage sans enfant n’a pas d’âge d’enfant : videz ce champ ou changez la composition.',
  isInt: () => 'Chaque âge est un nombre entier d’années.',
  min: () => 'Chaque âge va de 0 à 25 ans.',
  max: () => 'Chaque âge va de 0 à 25 ans.',
  noneAlone: () => '« Aucune ressource » exclut les autres ressources.',
  arrayMaxSize: ({ field }) => (field.startsWith('preferredTerritories') ? 'Cinq territoires au plus.' : 'Trop d’éléments.'),
  arrayMinSize: () => 'Au moins un élément.',
  arrayUnique: () => 'Chaque élément une seule fois.',
  isLength: () => 'Texte vide ou trop long.',
  maxLength: () => 'Texte trop long.',
  notInTheFuture: () => 'La date ne peut pas être postérieure à aujourd’hui.',
  isCalendarDate: () => 'Date invalide.',
  notEmpty: ({ field }) => (field === 'recipients' ? 'Cochez au moins un destinataire.' : 'Rien à enregistrer : renseignez au moins un élément.'),
  givenForSiao: () => 'Le consentement doit être donné, en vigueur, et nommer le SIAO parmi ses destinataires.',
  keepsSiao: () => 'La demande est au SIAO : pour ne plus partager avec lui, retirez le consentement.',
  withdrawInstead: () => 'Un consentement en vigueur se retire, il ne se refuse pas.',
  inForce: () => 'Aucun consentement en vigueur à retirer.',
  notBeforeConsent: () => 'Le retrait ne peut pas précéder le consentement.',
  allowsThisStep: ({ message }) => stepRefused(message),
};

export function inFrench(violation: FieldViolation): string {
  return RULES[violation.rule]?.(violation) ?? violation.message;
}

/** The refusal with its messages in French and array elements (`preferredTerritories[0]`) under their list's field. */
export function frenchRefusal(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const violations = error.violations.map((v) => ({ ...v, field: v.field.replace(/\[\d+\]/g, ''), message: inFrench(v) }));
  return new ApiError(error.status, error.message, violations);
}
