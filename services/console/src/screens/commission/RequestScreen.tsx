import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { QueryState } from '../../ui/QueryState';
import { commissionApi, commissionKeys } from './commission-api';
import { DecisionForm } from './DecisionForm';
import { Candidate, HousingRequest } from './housing-types';
import { shortId } from './labels';
import { PlacementsPanel } from './PlacementsPanel';
import { RequestSummary } from './RequestSummary';
import { ReturnForm } from './ReturnForm';
import { ScheduleForm } from './ScheduleForm';

const CHECKABLE = ['awaiting_review', 'scheduled'];
const SCHEDULABLE = ['awaiting_review', 'scheduled', 'deferred'];
const ANSWERED = ['oriented', 'placement_confirmed', 'housed', 'no_show', 'lapsed'];

/** A request before the commission: its file, the completeness check, its agenda, the decision, then the structures' answers. */
export function RequestScreen() {
  const { id = '' } = useParams();
  const location = useLocation();
  const fromQueue = (location.state ?? {}) as { candidates?: Candidate[] };
  const request = useQuery({ queryKey: commissionKeys.request(id), queryFn: () => commissionApi.request(id) });
  return (
    <>
      <p className="fr-mb-1w"><Link to="/commission">Retour à la file d’examen</Link></p>
      <h1>Demande {shortId(id)}</h1>
      <QueryState isLoading={request.isLoading} error={request.error}>
        {request.data && <RequestPanels request={request.data} candidates={fromQueue.candidates ?? []} />}
      </QueryState>
    </>
  );
}

function RequestPanels({ request, candidates }: { request: HousingRequest; candidates: Candidate[] }) {
  const structures = useQuery({ queryKey: commissionKeys.structures(request.siaoDepartement), queryFn: () => commissionApi.structures(request.siaoDepartement) });
  const structureName = structures.data?.find((s) => s.id === request.orientation?.structureId)?.name;
  return (
    <>
      <RequestSummary request={request} structureName={structureName} />
      {request.status === 'scheduled' && request.session && (
        <div className="fr-mb-4w"><DecisionForm requestId={request.id} departement={request.siaoDepartement} session={request.session} candidates={candidates} /></div>
      )}
      {SCHEDULABLE.includes(request.status) && (
        <div className="fr-mb-4w"><ScheduleForm requestId={request.id} departement={request.siaoDepartement} currentSessionId={request.session?.id} /></div>
      )}
      {CHECKABLE.includes(request.status) && <div className="fr-mb-4w"><ReturnForm requestId={request.id} /></div>}
      {ANSWERED.includes(request.status) && <PlacementsPanel request={request} />}
    </>
  );
}
