import { SECTION } from './layout';
import { useState } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { ApiError } from '../../api/api-error';
import { fieldState } from '../../ui/field-state';
import { missingElementLabel, WITHDRAWAL_LABELS } from './labels';
import type { Referral, WithdrawalReason } from './referral-types';
import { frenchRefusal, inFrench } from './violation-messages';
import { referralCalls, useReferralChange } from './spip-api';

/** The server's refusal in full: each rule it names (422 lists what is missing, 409 the step the status forbids). */
function Refusal({ error, title }: { error: unknown; title: string }) {
  if (!error) return null;
  const violations = error instanceof ApiError ? error.violations : [];
  const status = error instanceof ApiError ? ` (${error.status})` : '';
  return (
    <Alert
      severity="error"
      role="alert"
      as="h3"
      className="fr-my-2w"
      title={`${title}${status}`}
      description={
        violations.length > 0 ? (
          <ul>
            {violations.map((v) => <li key={`${v.field}-${v.rule}`}>{v.field === 'status' ? inFrench(v) : `${missingElementLabel(v.field)} : ${inFrench(v)}`}</li>)}
          </ul>
        ) : (
          String(error instanceof Error ? error.message : error)
        )
      }
    />
  );
}

function Confirmation({ id, question, confirm, pending, onConfirm, onCancel }: {
  id: string; question: string; confirm: string; pending: boolean; onConfirm(): void; onCancel(): void;
}) {
  return (
    <div role="alertdialog" aria-labelledby={id} className="fr-p-2w fr-my-2w fr-background-alt--grey">
      <p id={id}>{question}</p>
      <Button className="fr-mr-2w" onClick={onConfirm} disabled={pending}>{confirm}</Button>
      <Button priority="tertiary" onClick={onCancel}>Annuler</Button>
    </div>
  );
}

function Submission({ referral }: { referral: Referral }) {
  const [confirming, setConfirming] = useState(false);
  const change = useReferralChange<void>(referral.id, () => referralCalls(referral.id).submit(), () => setConfirming(false));
  const missing = referral.missingForSubmission.length;
  return (
    <div className="fr-mb-3w">
      <h3>Transmettre au SIAO</h3>
      <p>{missing === 0 ? 'Le dossier est complet et le consentement recueilli : la demande peut partir.' : `Il manque encore ${missing} élément${missing > 1 ? 's' : ''} : le SIAO refusera l’envoi.`}</p>
      {!confirming ? (
        <Button onClick={() => { change.reset(); setConfirming(true); }}>Transmettre la demande au SIAO</Button>
      ) : (
        <Confirmation
          id="confirmer-envoi"
          question={`Transmettre la demande de ${referral.identity.firstNames} ${referral.identity.lastName} au SIAO du ${referral.siaoDepartement} ?`}
          confirm="Confirmer l’envoi au SIAO"
          pending={change.isPending}
          onConfirm={() => change.mutate()}
          onCancel={() => setConfirming(false)}
        />
      )}
      <Refusal error={change.error} title="L’envoi a été refusé" />
    </div>
  );
}

function Withdrawal({ referral }: { referral: Referral }) {
  const [reason, setReason] = useState<'' | WithdrawalReason>('');
  const [confirming, setConfirming] = useState(false);
  const change = useReferralChange<string>(referral.id, referralCalls(referral.id).withdraw, () => setConfirming(false));
  return (
    <div className="fr-mb-3w" style={{ maxWidth: '48rem' }}>
      <h3>Retirer la demande</h3>
      <Select
        label="Motif du retrait"
        nativeSelectProps={{ value: reason, onChange: (e) => setReason(e.target.value as WithdrawalReason) }}
        {...fieldState(frenchRefusal(change.error), 'reason')}
      >
        <option value="">Choisir un motif</option>
        {(Object.keys(WITHDRAWAL_LABELS) as WithdrawalReason[]).map((r) => <option key={r} value={r}>{WITHDRAWAL_LABELS[r]}</option>)}
      </Select>
      {!confirming ? (
        <Button priority="secondary" onClick={() => { change.reset(); setConfirming(true); }}>Retirer la demande</Button>
      ) : (
        <Confirmation
          id="confirmer-retrait"
          question="La demande sera retirée et ses alertes closes. Confirmer le retrait ?"
          confirm="Confirmer le retrait de la demande"
          pending={change.isPending}
          onConfirm={() => change.mutate(reason)}
          onCancel={() => setConfirming(false)}
        />
      )}
      {!fieldState(change.error, 'reason').state && <Refusal error={change.error} title="Le retrait a été refusé" />}
    </div>
  );
}

/** The SPIP's decisions on the request: send it to the SIAO, or withdraw it. */
export function ActionsSection({ referral }: { referral: Referral }) {
  const mayBeSubmitted = ['to_complete', 'refused'].includes(referral.status);
  const finished = ['closed', 'withdrawn'].includes(referral.status);
  if (finished) return null;
  return (
    <section className={SECTION} aria-labelledby="actions">
      <h2 id="actions">Suite de la demande</h2>
      {mayBeSubmitted && <Submission referral={referral} />}
      <Withdrawal referral={referral} />
    </section>
  );
}
