import { FACT_VALUE, FACTS, SECTION } from './layout';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { formatDate } from '../../ui/dates';
import { AlertBadge, StatusBadge } from './Badges';
import { ALERT_KIND_LABELS, ALERT_LEVEL_LABELS, daysToReleaseLabel, missingElementLabel } from './labels';
import type { Referral } from './referral-types';

/** Status, dates, open alerts and what the SIAO or a submission still asks for. */
export function ReferralSummary({ referral }: { referral: Referral }) {
  return (
    <>
      <p>
        <StatusBadge status={referral.status} returned={referral.returnedMissing.length > 0} /> <AlertBadge level={referral.alertLevel} />
      </p>
      <dl className="fr-mb-3w" style={FACTS}>
        <dt className="fr-text--bold">Établissement</dt>
        <dd style={FACT_VALUE}>{referral.establishmentName}</dd>
        <dt className="fr-text--bold">Date de naissance</dt>
        <dd style={FACT_VALUE}>{formatDate(referral.identity.birthDate)}</dd>
        <dt className="fr-text--bold">Sortie prévue</dt>
        <dd style={FACT_VALUE}>
          {formatDate(referral.expectedReleaseDate)} ({daysToReleaseLabel(referral.daysToRelease)}){referral.urgent ? ' — courte peine, demande urgente' : ''}
        </dd>
        <dt className="fr-text--bold">Demande ouverte le</dt>
        <dd style={FACT_VALUE}>{formatDate(referral.openedOn)}</dd>
        <dt className="fr-text--bold">Envois au SIAO</dt>
        <dd style={FACT_VALUE}>{referral.submissions === 0 ? 'Pas encore transmise' : `${referral.submissions} envoi${referral.submissions > 1 ? 's' : ''} (SIAO du ${referral.siaoDepartement})`}</dd>
        {referral.placement && (
          <>
            <dt className="fr-text--bold">Place</dt>
            <dd style={FACT_VALUE}>
              {referral.placement.confirmed ? 'Confirmée' : 'Proposée'}, entrée le {formatDate(referral.placement.entryDate)}
            </dd>
          </>
        )}
        {referral.releasedOn && (
          <>
            <dt className="fr-text--bold">Sortie effective</dt>
            <dd style={FACT_VALUE}>{formatDate(referral.releasedOn)}</dd>
          </>
        )}
      </dl>

      {referral.returnedMissing.length > 0 && (
        <Alert
          severity="warning"
          as="h2"
          title="Le SIAO a renvoyé la demande : éléments manquants"
          description={
            <ul>
              {referral.returnedMissing.map((line, i) => <li key={i}>{line}</li>)}
            </ul>
          }
          className="fr-mb-3w"
        />
      )}

      <section className={SECTION} aria-labelledby="alertes">
        <h2 id="alertes">Alertes ouvertes</h2>
        {referral.openAlerts.length === 0 ? (
          <p>Aucune alerte ouverte.</p>
        ) : (
          <ul>
            {referral.openAlerts.map((alert) => (
              <li key={alert.kind}>
                <AlertBadge level={alert.level} /> {ALERT_KIND_LABELS[alert.kind] ?? alert.kind} — niveau {ALERT_LEVEL_LABELS[alert.level].toLowerCase()},
                levée le {formatDate(alert.raisedOn)}
              </li>
            ))}
          </ul>
        )}
      </section>

      {referral.missingForSubmission.length > 0 && ['to_complete', 'refused'].includes(referral.status) && (
        <section className={SECTION} aria-labelledby="reste-a-fournir">
          <h2 id="reste-a-fournir">Reste à fournir avant l’envoi au SIAO</h2>
          <ul>
            {referral.missingForSubmission.map((v) => <li key={v.field}>{missingElementLabel(v.field)}</li>)}
          </ul>
        </section>
      )}
    </>
  );
}
