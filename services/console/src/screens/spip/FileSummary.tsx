import { FACT_VALUE, FACTS, SECTION } from './layout';
import { Link } from 'react-router';
import { GENDER_LABELS, HOUSEHOLD_LABELS, RESOURCE_LABELS, RIGHT_LABELS, RIGHT_STATUS_LABELS } from './labels';
import { RIGHTS } from './file-form';
import type { ReferralFile } from './referral-types';

const NOT_GIVEN = 'Non renseigné';
const yesNo = (value: boolean | undefined) => (value === undefined ? NOT_GIVEN : value ? 'Oui' : 'Non');

/** The file as it stands, and the way to the completion form while the SPIP may still edit it. */
export function FileSummary({ referralId, file, editable }: { referralId: string; file: ReferralFile; editable: boolean }) {
  const household = file.household;
  return (
    <section className={SECTION} aria-labelledby="dossier">
      <h2 id="dossier">Dossier</h2>
      <dl style={FACTS}>
        <dt className="fr-text--bold">Ménage</dt>
        <dd style={FACT_VALUE}>
          {household
            ? `${HOUSEHOLD_LABELS[household.composition]}, ${GENDER_LABELS[household.applicantGender].toLowerCase()}${
                household.childrenAges.length ? `, enfants de ${household.childrenAges.join(', ')} ans` : ''
              }`
            : NOT_GIVEN}
        </dd>
        <dt className="fr-text--bold">Mobilité réduite</dt>
        <dd style={FACT_VALUE}>{yesNo(file.needs?.reducedMobility)}</dd>
        <dt className="fr-text--bold">Animaux</dt>
        <dd style={FACT_VALUE}>{yesNo(file.needs?.animals)}</dd>
        <dt className="fr-text--bold">Ressources</dt>
        <dd style={FACT_VALUE}>{file.resources?.length ? file.resources.map((r) => RESOURCE_LABELS[r]).join(', ') : NOT_GIVEN}</dd>
        <dt className="fr-text--bold">Droits</dt>
        <dd style={FACT_VALUE}>
          <ul className="fr-m-0">
            {RIGHTS.map((right) => (
              <li key={right}>
                {RIGHT_LABELS[right]} : {file.rights[right] ? RIGHT_STATUS_LABELS[file.rights[right]] : NOT_GIVEN}
              </li>
            ))}
          </ul>
        </dd>
        <dt className="fr-text--bold">Territoires souhaités</dt>
        <dd style={FACT_VALUE}>{file.preferredTerritories?.length ? file.preferredTerritories.join(', ') : NOT_GIVEN}</dd>
        <dt className="fr-text--bold">Continuité des soins à organiser</dt>
        <dd style={FACT_VALUE}>{yesNo(file.careContinuity)}</dd>
        <dt className="fr-text--bold">Évaluation sociale</dt>
        <dd style={{ ...FACT_VALUE, whiteSpace: 'pre-wrap' }}>{file.socialEvaluation?.trim() ? file.socialEvaluation : NOT_GIVEN}</dd>
      </dl>
      {editable ? (
        <Link className="fr-btn fr-btn--secondary fr-mt-2w" to={`/spip/demandes/${referralId}/dossier`}>
          Compléter le dossier
        </Link>
      ) : (
        <p className="fr-text--sm fr-mt-2w">Le dossier ne se modifie plus : la demande est au SIAO ou terminée.</p>
      )}
    </section>
  );
}
