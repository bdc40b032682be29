import { useState } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { Paging } from '../../ui/Paging';
import { QueryState } from '../../ui/QueryState';
import { formatShortDate } from '../../ui/dates';
import { CandidatePlaces } from './CandidatePlaces';
import { commissionApi, commissionKeys } from './commission-api';
import { DepartementSelect, useDepartement } from './DepartementSelect';
import { QueueEntry } from './housing-types';
import { householdLabel, needsLabel, releaseCountdown, requestStatusLabel, shortId } from './labels';

const PAGE_SIZE = 20;

/** The SIAO's review queue: the requests awaiting the commission, the nearest release first, as the server orders them. */
export function QueueScreen() {
  const [departement, setDepartement] = useDepartement();
  const [page, setPage] = useState(1);
  const queue = useQuery({
    queryKey: commissionKeys.queue(departement, page, PAGE_SIZE),
    queryFn: () => commissionApi.queue(departement, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <h1>File d’examen</h1>
      <p>
        Demandes SIAO du {departement} à examiner, de la sortie la plus proche à la plus lointaine. Ouvrez une demande pour vérifier sa
        complétude, l’inscrire à une commission et prendre la décision.
      </p>
      <DepartementSelect value={departement} onChange={(code) => { setDepartement(code); setPage(1); }} />
      <QueryState isLoading={queue.isLoading} error={queue.error}>
        {queue.data && queue.data.items.length === 0 && <p>Aucune demande n’attend la commission dans ce département.</p>}
        {queue.data && queue.data.items.length > 0 && (
          <>
            <Table
              caption={`Demandes à examiner (${queue.data.total}), page ${queue.data.page}`}
              headers={['Demande', 'Sortie prévue', 'Ménage et besoins', 'État', 'Places candidates']}
              data={queue.data.items.map((entry) => row(entry))}
            />
            <Paging page={page} pageSize={PAGE_SIZE} total={queue.data.total} onPage={setPage} />
          </>
        )}
      </QueryState>
    </>
  );
}

function row({ request, candidates, candidatesTotal }: QueueEntry) {
  return [
    <>
      <Link to={`/commission/demandes/${request.id}`} state={{ candidates, candidatesTotal }}>Demande {shortId(request.id)}</Link>
      <br />
      <span className="fr-text--xs">En attente depuis {request.waitingDays} j</span>
    </>,
    <>
      {formatShortDate(request.expectedReleaseDate)}
      <br />
      <span className="fr-text--xs">{releaseCountdown(request.daysToRelease)}</span>
      {request.urgent && <><br /><Badge severity="error" small>Urgent</Badge></>}
    </>,
    <>
      {householdLabel(request.file.household)}
      <br />
      <span className="fr-text--xs">{needsLabel(request.file.needs)}</span>
    </>,
    <>
      {requestStatusLabel(request.status)}
      {request.session && <><br /><span className="fr-text--xs">Commission du {formatShortDate(request.session.date)}</span></>}
    </>,
    <CandidatePlaces candidates={candidates} total={candidatesTotal} />,
  ];
}
