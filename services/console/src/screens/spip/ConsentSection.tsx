import { SECTION } from './layout';
import { useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { fieldState } from '../../ui/field-state';
import { formatDate } from '../../ui/dates';
import { ErrorNotice } from '../../ui/QueryState';
import { CONSENT_FIELDS, consentBody, consentFormOf, consentState, RECIPIENTS } from './consent-form';
import { RECIPIENT_LABELS, RECIPIENT_NAMES } from './labels';
import { FormRefusal } from './FormRefusal';
import type { Referral } from './referral-types';
import { frenchRefusal } from './violation-messages';
import { referralCalls, useReferralChange } from './spip-api';

function CurrentConsent({ referral }: { referral: Referral }) {
  const consent = referral.consent;
  switch (consentState(consent)) {
    case 'none':
      return <p>La personne n’a pas encore été interrogée sur le partage de son dossier.</p>;
    case 'refused':
      return <p>La personne a refusé le partage de son dossier le {formatDate(consent!.decidedOn)}.</p>;
    case 'withdrawn':
      return <p>La personne a retiré son consentement le {formatDate(consent!.withdrawnOn)} (donné le {formatDate(consent!.decidedOn)}).</p>;
    default:
      return (
        <p>
          Consentement donné le {formatDate(consent!.decidedOn)} pour « {consent!.scope} », au profit de :{' '}
          {consent!.recipients.map((r) => RECIPIENT_NAMES[r]).join(', ')}.
        </p>
      );
  }
}

function ConsentForm({ referral, today }: { referral: Referral; today: string }) {
  const [form, setForm] = useState(() => consentFormOf(referral.consent, today));
  const change = useReferralChange(referral.id, referralCalls(referral.id).recordConsent);
  const error = frenchRefusal(change.error);
  return (
    <form
      style={{ maxWidth: '48rem' }}
      onSubmit={(event) => {
        event.preventDefault();
        change.mutate(consentBody(form));
      }}
    >
      <FormRefusal error={error} fields={CONSENT_FIELDS} />
      <RadioButtons
        legend="Décision de la personne"
        name="consent-decision"
        options={[
          { label: 'Elle consent au partage de son dossier', nativeInputProps: { checked: form.decision === 'given', onChange: () => setForm({ ...form, decision: 'given' }) } },
          { label: 'Elle refuse le partage', nativeInputProps: { checked: form.decision === 'refused', onChange: () => setForm({ ...form, decision: 'refused' }) } },
        ]}
        {...fieldState(error, 'decision')}
      />
      <Input
        label="Date du recueil"
        nativeInputProps={{ type: 'date', value: form.decidedOn, max: today, onChange: (e) => setForm({ ...form, decidedOn: e.target.value }) }}
        {...fieldState(error, 'decidedOn')}
      />
      <Input
        label="Objet du partage"
        hintText="Ce à quoi sert le partage, tel que la personne l’a accepté. Aucune information de santé."
        nativeInputProps={{ value: form.scope, onChange: (e) => setForm({ ...form, scope: e.target.value }) }}
        {...fieldState(error, 'scope')}
      />
      <Checkbox
        legend="Destinataires autorisés"
        hintText="La demande ne peut être transmise qu’avec le SIAO parmi les destinataires."
        disabled={form.decision === 'refused'}
        options={RECIPIENTS.map((recipient) => ({
          label: RECIPIENT_LABELS[recipient],
          nativeInputProps: {
            checked: form.recipients.includes(recipient),
            onChange: (e) =>
              setForm({ ...form, recipients: e.target.checked ? [...form.recipients, recipient] : form.recipients.filter((r) => r !== recipient) }),
          },
        }))}
        {...fieldState(error, 'recipients')}
      />
      <Button type="submit" disabled={change.isPending}>Enregistrer le consentement</Button>
    </form>
  );
}

function ConsentWithdrawal({ referral, today }: { referral: Referral; today: string }) {
  const [withdrawnOn, setWithdrawnOn] = useState(today);
  const [confirming, setConfirming] = useState(false);
  const change = useReferralChange(referral.id, referralCalls(referral.id).withdrawConsent, () => setConfirming(false));
  const atTheSiao = referral.submissions > 0 && !['to_complete', 'refused', 'closed', 'withdrawn'].includes(referral.status);
  return (
    <div className="fr-mt-2w" style={{ maxWidth: '48rem' }}>
      <Input
        label="Date du retrait du consentement"
        nativeInputProps={{ type: 'date', value: withdrawnOn, max: today, onChange: (e) => setWithdrawnOn(e.target.value) }}
        {...fieldState(frenchRefusal(change.error), 'withdrawnOn')}
      />
      {!confirming ? (
        <Button priority="secondary" onClick={() => setConfirming(true)}>Retirer le consentement</Button>
      ) : (
        <div role="alertdialog" aria-labelledby="confirmer-retrait-consentement" className="fr-p-2w fr-background-alt--grey">
          <p id="confirmer-retrait-consentement">
            {atTheSiao
              ? 'La demande est au SIAO : sans consentement, elle lui sera retirée et reviendra « à compléter ». Confirmer le retrait ?'
              : 'Plus rien ne pourra être partagé tant qu’un nouveau consentement n’est pas recueilli. Confirmer le retrait ?'}
          </p>
          <Button className="fr-mr-2w" onClick={() => change.mutate(withdrawnOn)} disabled={change.isPending}>Confirmer le retrait du consentement</Button>
          <Button priority="tertiary" onClick={() => setConfirming(false)}>Annuler</Button>
        </div>
      )}
      {change.error != null && !fieldState(change.error, 'withdrawnOn').state && <ErrorNotice error={change.error} title="Le retrait a été refusé" />}
    </div>
  );
}

/** The person's consent to share their file (art. L1110-4 CSP): recorded, refused or withdrawn. */
export function ConsentSection({ referral, today }: { referral: Referral; today: string }) {
  const finished = ['closed', 'withdrawn'].includes(referral.status);
  const inForce = consentState(referral.consent) === 'given';
  return (
    <section className={SECTION} aria-labelledby="consentement">
      <h2 id="consentement">Consentement de la personne</h2>
      <CurrentConsent referral={referral} />
      {!finished && (inForce ? <ConsentWithdrawal referral={referral} today={today} /> : <ConsentForm key={referral.consent?.decidedOn ?? 'new'} referral={referral} today={today} />)}
    </section>
  );
}
