import { formatDate } from '../../ui/dates';
import { ALERT_KIND_LABELS, ALERT_LEVEL_LABELS, WITHDRAWAL_LABELS } from './labels';
import type { AlertKind, AlertLevel, TimelineEntry } from './referral-types';

const FIELD_LABELS: Record<string, string> = {
  household: 'ménage',
  needs: 'besoins',
  resources: 'ressources',
  rights: 'droits',
  preferredTerritories: 'territoires souhaités',
  careContinuity: 'continuité des soins',
  socialEvaluation: 'évaluation sociale',
};

const SORTIE_SECHE_REASONS: Record<string, string> = {
  no_request: 'aucune demande',
  request_incomplete: 'demande incomplète',
  no_decision: 'pas de décision du SIAO',
  no_place: 'pas de place',
  refused: 'demande refusée',
  declined_by_person: 'proposition déclinée par la personne',
  no_show: 'personne non présentée',
  request_on_hold: 'demande en attente',
};

const OUTCOMES: Record<string, string> = {
  housed: 'personne hébergée',
  released_without_placement: 'sortie sans hébergement',
  no_show: 'personne non présentée à la structure',
};

const DECISION_REASONS: Record<string, string> = {
  missing_information: 'informations manquantes',
  release_date_uncertain: 'date de sortie incertaine',
  no_place_now: 'pas de place pour le moment',
  not_eligible: 'non éligible',
  needs_not_met: 'besoins non couverts',
  other_territory: 'autre territoire',
  other: 'autre motif',
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const reason = (value: unknown) => DECISION_REASONS[text(value)] ?? text(value);

function decisionText(decision: Record<string, unknown>): string {
  switch (decision.kind) {
    case 'scheduled': return `Inscrite à la commission du ${formatDate(text(decision.sessionDate))}`;
    case 'oriented': return 'Orientée par la commission';
    case 'deferred': return `Ajournée (${reason(decision.reason)}), réexamen le ${formatDate(text(decision.reconsiderOn))}`;
    case 'refused': return `Refusée par la commission (${reason(decision.reason)})`;
    case 'placement_proposed': return 'Place proposée par une structure';
    case 'placement_confirmed': return 'Place confirmée';
    case 'placement_declined': return decision.by === 'person' ? 'Place déclinée par la personne' : 'Place refusée par la structure';
    case 'placement_cancelled': return 'Proposition de place annulée';
    default: return 'Décision du SIAO';
  }
}

function alertText(change: Record<string, unknown>): string {
  const kind = ALERT_KIND_LABELS[change.alert as AlertKind] ?? text(change.alert);
  const level = ALERT_LEVEL_LABELS[change.level as AlertLevel] ?? text(change.level);
  if (change.kind === 'raised') return `Alerte levée : ${kind} (${level})`;
  if (change.kind === 'escalated') return `Alerte aggravée : ${kind} (${level})`;
  return `Alerte close : ${kind}`;
}

/** One line of the referral's timeline in French, from its recorded change and details. */
export function describeEntry({ entry, detail }: TimelineEntry): string {
  switch (entry) {
    case 'Opened': return 'Demande ouverte à l’ouverture de la fenêtre de sortie';
    case 'FileUpdated': {
      const fields = Array.isArray(detail.fields) ? detail.fields.map((f) => FIELD_LABELS[String(f)] ?? String(f)) : [];
      return `Dossier complété${fields.length ? ` : ${fields.join(', ')}` : ''}`;
    }
    case 'ConsentRecorded': return detail.decision === 'refused' ? 'Consentement refusé par la personne' : 'Consentement recueilli';
    case 'ConsentWithdrawn': return 'Consentement retiré';
    case 'Submitted': return `Demande transmise au SIAO (envoi n° ${Number(detail.submission) || 1})`;
    case 'Withdrawn': {
      const why = detail.reason === 'consent_withdrawn' ? 'consentement retiré' : WITHDRAWAL_LABELS[detail.reason as keyof typeof WITHDRAWAL_LABELS];
      return `Demande retirée${why ? ` (${why})` : ''}`;
    }
    case 'OnHold': return 'Demande mise en attente : la date de sortie s’est éloignée';
    case 'Resumed': return 'Demande reprise : la fenêtre de sortie s’est rouverte';
    case 'ReleaseDateMoved': return `Date de sortie modifiée (auparavant le ${formatDate(text(detail.from))})`;
    case 'Transferred': return `Transfert vers l’établissement ${text(detail.establishmentCode)}`;
    case 'Reassigned': return `Suivi repris d’un autre SPIP (${text(detail.previousSpipDepartement)})`;
    case 'Returned': return 'Demande renvoyée par le SIAO : éléments manquants';
    case 'Decided': return decisionText((detail.decision ?? {}) as Record<string, unknown>);
    case 'Alert': return alertText((detail.change ?? {}) as Record<string, unknown>);
    case 'Released': return `Sortie de détention le ${formatDate(text(detail.releasedOn))}`;
    case 'SortieSecheRecorded': return `Sortie sèche constatée (${SORTIE_SECHE_REASONS[text(detail.reason)] ?? text(detail.reason)})`;
    case 'Closed': return `Demande clôturée (${OUTCOMES[text(detail.outcome)] ?? text(detail.outcome)})`;
    default: return entry;
  }
}

const SERVICE_ACTORS: Record<string, string> = {
  'release-calendar': 'Calendrier des sorties (greffe)',
  'housing-placement': 'SIAO et structures',
  referral: 'Passerelle',
  notification: 'Passerelle',
};

/** Who did it: a service for what followed from another's event, else the officer's own identifier. */
export function actorLabel(actor: string): string {
  return SERVICE_ACTORS[actor] ?? actor;
}
