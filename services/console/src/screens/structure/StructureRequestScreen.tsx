import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { QueryState } from '../../ui/QueryState';
import { formatDate } from '../../ui/dates';
import { useCurrentSession } from '../../session/session-context';
import { StructureRequest } from '../commission/housing-types';
import { householdLabel, needsLabel, placementStatusLabel, resourcesLabel, rightsLabel, shortId, structureTypeLabel } from '../commission/labels';
import { AnswerForms } from './AnswerForms';
import { EntryForm } from './EntryForm';
import { structureApi, structureKeys } from './structure-api';
import { latestPlacement, nextStep } from './structure-view';

/** A request oriented to the structure, as the structure may see it, and what it has to do on it. */
export function StructureRequestScreen() {
  const { id = '' } = useParams();
  const { organisation = '' } = useCurrentSession();
  const request = useQuery({ queryKey: structureKeys.request(id), queryFn: () => structureApi.request(id) });
  return (
    <>
      <p className="fr-mb-1w"><Link to="/structure">Retour aux orientations reçues</Link></p>
      <h1>Orientation — demande {shortId(id)}</h1>
      <QueryState isLoading={request.isLoading} error={request.error}>
        {request.data && <Details request={request.data} structureId={organisation} />}
      </QueryState>
    </>
  );
}

function Details({ request, structureId }: { request: StructureRequest; structureId: string }) {
  const placement = latestPlacement(request);
  const step = nextStep(request);
  const rows: [string, string][] = [
    ['Sortie prévue', formatDate(request.expectedReleaseDate)],
    ['Fenêtre d’entrée', `du ${formatDate(request.entryWindow.from)} au ${formatDate(request.entryWindow.to)}`],
    ['Ménage', householdLabel(request.household)],
    ['Besoins', needsLabel(request.needs)],
    ['Ressources', resourcesLabel(request.resources)],
    ['Droits à rouvrir', rightsLabel(request.rightsToReopen)],
    ['Orientée vers', request.orientation.structureType ? structureTypeLabel(request.orientation.structureType) : 'votre structure'],
    ['Préconisation de la commission', request.orientation.preconisation ?? '—'],
  ];
  if (request.careContinuity !== undefined) rows.push(['Continuité des soins à organiser', request.careContinuity ? 'Oui' : 'Non']);
  if (placement) {
    rows.push(['Votre réponse', placementStatusLabel(placement.status)]);
    if (placement.entryDate) rows.push(['Entrée prévue', formatDate(placement.entryDate)]);
    if (placement.enteredOn) rows.push(['Entrée le', formatDate(placement.enteredOn)]);
  }
  return (
    <>
      <dl className="fr-mb-3w">
        {rows.map(([term, value]) => (
          <div key={term} className="fr-grid-row fr-py-1v" style={{ borderBottom: '1px solid var(--border-default-grey)' }}>
            <dt className="fr-col-12 fr-col-md-4 fr-text--bold">{term}</dt>
            <dd className="fr-col-12 fr-col-md-8 fr-m-0">{value}</dd>
          </div>
        ))}
      </dl>
      <div aria-live="polite">
        {step === 'answer' && <AnswerForms request={request} structureId={structureId} />}
        {step === 'awaiting_confirmation' && <p>Pré-admission envoyée : le SIAO la confirme une fois que la personne a accepté la place.</p>}
        {step === 'record_entry' && placement && <EntryForm placement={placement} />}
      </div>
    </>
  );
}
