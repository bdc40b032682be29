import { Link, useParams } from 'react-router';
import { parisToday } from '../../ui/dates';
import { QueryState } from '../../ui/QueryState';
import { ActionsSection } from './ActionsSection';
import { servicesToday } from './caseload';
import { ConsentSection } from './ConsentSection';
import { FileSummary } from './FileSummary';
import { ReferralSummary } from './ReferralSummary';
import { ReferralTimeline } from './ReferralTimeline';
import { useReferral } from './spip-api';

/** One SIAO request: where it stands, its file, the person's consent, the next step and what happened so far. */
export function ReferralScreen() {
  const { id = '' } = useParams();
  const query = useReferral(id);
  const referral = query.data;
  return (
    <>
      <p>
        <Link to="/spip" className="fr-link fr-icon-arrow-left-line fr-link--icon-left">Retour aux sorties à venir</Link>
      </p>
      <QueryState isLoading={query.isLoading} error={query.error}>
        {referral && (
          <>
            <h1>
              Demande SIAO de {referral.identity.firstNames} {referral.identity.lastName.toUpperCase()}
            </h1>
            <div aria-live="polite">
              <ReferralSummary referral={referral} />
            </div>
            <FileSummary referralId={referral.id} file={referral.file} editable={['to_complete', 'refused'].includes(referral.status)} />
            <ConsentSection referral={referral} today={servicesToday([referral], parisToday())} />
            <ActionsSection referral={referral} />
            <ReferralTimeline timeline={referral.timeline} />
          </>
        )}
      </QueryState>
    </>
  );
}
