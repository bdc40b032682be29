import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { fieldState } from '../../ui/field-state';
import { QueryState } from '../../ui/QueryState';
import { FILE_FIELDS, FileForm, formOf, patchOf, RESOURCES, RIGHTS, toggleResource } from './file-form';
import { frenchRefusal } from './violation-messages';
import { FormRefusal } from './FormRefusal';
import { GENDER_LABELS, HOUSEHOLD_LABELS, RESOURCE_LABELS, RIGHT_LABELS, RIGHT_STATUS_LABELS } from './labels';
import type { ApplicantGender, HouseholdComposition, Referral, RightStatus } from './referral-types';
import { referralCalls, useReferral, useReferralChange } from './spip-api';

type YesNoField = 'reducedMobility' | 'animals' | 'careContinuity';

function FileFormFields({ referral }: { referral: Referral }) {
  const navigate = useNavigate();
  const [form, setForm] = useState<FileForm>(() => formOf(referral.file));
  const change = useReferralChange(referral.id, referralCalls(referral.id).patchFile, () => navigate(`/spip/demandes/${referral.id}`));
  const error = frenchRefusal(change.error);
  const set = (patch: Partial<FileForm>) => setForm({ ...form, ...patch });
  const yesNo = (field: YesNoField, legend: string, serverField: string, hintText?: string) => (
    <RadioButtons
      legend={legend}
      hintText={hintText}
      name={field}
      orientation="horizontal"
      options={[
        { label: 'Oui', nativeInputProps: { checked: form[field] === 'yes', onChange: () => set({ [field]: 'yes' }) } },
        { label: 'Non', nativeInputProps: { checked: form[field] === 'no', onChange: () => set({ [field]: 'no' }) } },
      ]}
      {...fieldState(error, serverField)}
    />
  );

  return (
    <form
      noValidate
      style={{ maxWidth: '48rem' }}
      onSubmit={(event) => {
        event.preventDefault();
        change.mutate(patchOf(form, referral.file));
      }}
    >
      <FormRefusal error={error} fields={FILE_FIELDS} />

      <h2>Ménage</h2>
      <Select
        label="Composition du ménage"
        nativeSelectProps={{ value: form.composition, onChange: (e) => set({ composition: e.target.value as HouseholdComposition }) }}
        {...fieldState(error, 'household.composition')}
      >
        <option value="">Non renseignée</option>
        {(Object.keys(HOUSEHOLD_LABELS) as HouseholdComposition[]).map((c) => <option key={c} value={c}>{HOUSEHOLD_LABELS[c]}</option>)}
      </Select>
      <RadioButtons
        legend="Genre du demandeur"
        hintText="Seulement pour les règles d’accueil des structures (hommes, femmes)."
        name="applicantGender"
        orientation="horizontal"
        options={(Object.keys(GENDER_LABELS) as ApplicantGender[]).map((g) => ({
          label: GENDER_LABELS[g],
          nativeInputProps: { checked: form.applicantGender === g, onChange: () => set({ applicantGender: g }) },
        }))}
        {...fieldState(error, 'household.applicantGender')}
      />
      <Input
        label="Âges des enfants"
        hintText="Séparés par des virgules, par exemple : 4, 7. Laisser vide sans enfant."
        nativeInputProps={{ value: form.childrenAges, onChange: (e) => set({ childrenAges: e.target.value }) }}
        {...fieldState(error, 'household.childrenAges')}
      />

      <h2>Besoins</h2>
      {yesNo('reducedMobility', 'Mobilité réduite', 'needs.reducedMobility')}
      {yesNo('animals', 'Animaux de compagnie', 'needs.animals')}

      <h2>Ressources et droits</h2>
      <Checkbox
        legend="Ressources"
        hintText="« Aucune ressource » exclut les autres."
        options={RESOURCES.map((kind) => ({
          label: RESOURCE_LABELS[kind],
          nativeInputProps: { checked: form.resources.includes(kind), onChange: (e) => set({ resources: toggleResource(form.resources, kind, e.target.checked) }) },
        }))}
        {...fieldState(error, 'resources')}
      />
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Droits à vérifier avant la sortie</legend>
        {RIGHTS.map((right) => (
          <div className="fr-fieldset__element" key={right}>
            <Select
              label={RIGHT_LABELS[right]}
              nativeSelectProps={{ value: form.rights[right], onChange: (e) => set({ rights: { ...form.rights, [right]: e.target.value as RightStatus } }) }}
              {...fieldState(error, `rights.${right}`)}
            >
              <option value="">Non renseigné</option>
              {(Object.keys(RIGHT_STATUS_LABELS) as RightStatus[]).map((s) => <option key={s} value={s}>{RIGHT_STATUS_LABELS[s]}</option>)}
            </Select>
          </div>
        ))}
      </fieldset>

      <h2>Orientation</h2>
      <Input
        textArea
        label="Territoires souhaités"
        hintText="Un territoire par ligne, cinq au plus (commune, arrondissement, bassin)."
        nativeTextAreaProps={{ rows: 3, value: form.preferredTerritories, onChange: (e) => set({ preferredTerritories: e.target.value }) }}
        {...fieldState(error, 'preferredTerritories')}
      />
      {yesNo(
        'careContinuity',
        'Continuité des soins à organiser',
        'careContinuity',
        'Oui ou non seulement, si la personne a choisi de le dire. Jamais de diagnostic, de traitement ni de résultat d’examen.',
      )}
      <Input
        textArea
        label="Évaluation sociale"
        hintText="Situation, parcours, projet. Aucune information de santé : le serveur la refuse (utilisez la continuité des soins)."
        nativeTextAreaProps={{ rows: 8, value: form.socialEvaluation, onChange: (e) => set({ socialEvaluation: e.target.value }) }}
        {...fieldState(error, 'socialEvaluation')}
      />

      <div className="fr-btns-group fr-btns-group--inline">
        <Button type="submit" disabled={change.isPending}>Enregistrer le dossier</Button>
        <Link className="fr-btn fr-btn--tertiary" to={`/spip/demandes/${referral.id}`}>Annuler</Link>
      </div>
    </form>
  );
}

/** The completion form: exactly what PATCH /v1/referrals/:id accepts, each refusal shown under its field. */
export function FileFormScreen() {
  const { id = '' } = useParams();
  const query = useReferral(id);
  const referral = query.data;
  return (
    <>
      <p>
        <Link to={`/spip/demandes/${id}`} className="fr-link fr-icon-arrow-left-line fr-link--icon-left">Retour à la demande</Link>
      </p>
      <QueryState isLoading={query.isLoading} error={query.error}>
        {referral && (
          <>
            <h1>
              Compléter le dossier de {referral.identity.firstNames} {referral.identity.lastName.toUpperCase()}
            </h1>
            <FileFormFields key={referral.id} referral={referral} />
          </>
        )}
      </QueryState>
    </>
  );
}
