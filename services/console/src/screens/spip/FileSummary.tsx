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
    <section aria-labelledby="dossier">
      <h2 id="dossier">Dossier</h2>
      <dl>
        <dt className="fr-text--bold">Ménage</dt>
        <dd>
          {household
            ? `${HOUSEHOLD_LABELS[household.composition]}, ${GENDER_LABELS[household.applicantGender].toLowerCase()}${
                household.childrenAges.length ? `, enfants de ${household.childrenAges.join(', ')} ans` : ''
              }`
            : NOT_GIVEN}
        </dd>
        <dt className="fr-text--bold">Mobilité réduite</dt>
        <dd>{yesNo(file.needs?.reducedMobility)}</dd>
        <dt className="fr-text--bold">Animaux</dt>
        <dd>{yesNo(file.needs?.animals)}</dd>
        <dt className="fr-text--bold">Ressources</dt>
        <dd>{file.resources?.length ? file.resources.map((r) => RESOURCE_LABELS[r]).join(', ') : NOT_GIVEN}</dd>
        <dt className="fr-text--bold">Droits</dt>
        <dd>
          <ul>
            {RIGHTS.map((right) => (
              <li key={right}>
                {RIGHT_LABELS[right]} : {file.rights[right] ? RIGHT_STATUS_LABELS[file.rights[right]] : NOT_GIVEN}
              </li>
            ))}
          </ul>
        </dd>
        <dt className="fr-text--bold">Territoires souhaités</dt>
        <dd>{file.preferredTerritories?.length ? file.preferredTerritories.join(', ') : NOT_GIVEN}</dd>
        <dt className="fr-text--bold">Continuité des soins à organiser</dt>
        <dd>{yesNo(file.careContinuity)}</dd>
        <dt className="fr-text--bold">Évaluation sociale</dt>
        <dd style={{ whiteSpace: 'pre-wrap' }}>{file.socialEvaluation?.trim() ? file.socialEvaluation : NOT_GIVEN}</dd>
      </dl>
      {editable ? (
        <Link className="fr-btn fr-btn--secondary" to={`/spip/demandes/${referralId}/dossier`}>
          Compléter le dossier
        </Link>
      ) : (
        <p className="fr-text--sm">Le dossier ne se modifie plus : la demande est au SIAO ou terminée.</p>
      )}
    </section>
  );
}
