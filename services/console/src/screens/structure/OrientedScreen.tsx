import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { Paging } from '../../ui/Paging';
import { QueryState } from '../../ui/QueryState';
import { formatShortDate } from '../../ui/dates';
import { pageOf } from '../commission/availability';
import { householdLabel, needsLabel, shortId } from '../commission/labels';
import { structureApi, structureKeys } from './structure-api';
import { stepLabel } from './structure-view';

const PAGE_SIZE = 15;

/** The requests the commission oriented to the user's structure (no offence details: the API leaves them out). */
export function OrientedScreen() {
  const [page, setPage] = useState(1);
  const oriented = useQuery({ queryKey: structureKeys.oriented, queryFn: structureApi.oriented });
  const all = [...(oriented.data ?? [])].sort((a, b) => a.expectedReleaseDate.localeCompare(b.expectedReleaseDate));
  return (
    <>
      <h1>Orientations reçues</h1>
      <p>Les demandes que la commission du SIAO a orientées vers votre structure, de la sortie la plus proche à la plus lointaine.</p>
      <QueryState isLoading={oriented.isLoading} error={oriented.error}>
        {all.length === 0 ? (
          <p>Aucune orientation en cours vers votre structure.</p>
        ) : (
          <>
            <Table
              caption={`Orientations reçues (${all.length})`}
              headers={['Demande', 'Sortie prévue', 'Ménage et besoins', 'Préconisation', 'Où en est-on']}
              data={pageOf(all, page, PAGE_SIZE).map((request) => [
                <Link key={request.requestId} to={`/structure/demandes/${request.requestId}`}>Demande {shortId(request.requestId)}</Link>,
                formatShortDate(request.expectedReleaseDate),
                <>
                  {householdLabel(request.household)}
                  <br />
                  <span className="fr-text--xs">{needsLabel(request.needs)}</span>
                </>,
                request.orientation.preconisation ?? '—',
                stepLabel(request),
              ])}
            />
            <Paging page={page} pageSize={PAGE_SIZE} total={all.length} onPage={setPage} />
          </>
        )}
      </QueryState>
    </>
  );
}
