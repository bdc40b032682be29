import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { Paging } from '../../ui/Paging';
import { QueryState } from '../../ui/QueryState';
import { formatDate, formatShortDate } from '../../ui/dates';
import { AgendaForm } from './AgendaForm';
import { pageOf } from './availability';
import { commissionApi, commissionKeys } from './commission-api';
import { AgendaItem, SessionWithAgenda } from './housing-types';
import { decisionLabel, releaseCountdown, shortId } from './labels';
import { agendaStatus } from './sessions';

const PAGE_SIZE = 10;

/** One commission: its members, its agenda with each request's decision, and the requests to add. */
export function SessionScreen() {
  const { id = '' } = useParams();
  const session = useQuery({ queryKey: commissionKeys.session(id), queryFn: () => commissionApi.session(id) });
  return (
    <>
      <p className="fr-mb-1w"><Link to="/commission/sessions">Retour aux commissions</Link></p>
      <h1>{session.data ? `Commission du ${formatDate(session.data.sessionDate)}` : 'Commission'}</h1>
      <QueryState isLoading={session.isLoading} error={session.error}>
        {session.data && <SessionDetails session={session.data} />}
      </QueryState>
    </>
  );
}

function SessionDetails({ session }: { session: SessionWithAgenda }) {
  const [page, setPage] = useState(1);
  const shown = pageOf(session.agenda, page, PAGE_SIZE);
  return (
    <>
      <p>Département {session.departement} — membres : {session.members.join(', ')}</p>
      <h2 className="fr-h4">Ordre du jour</h2>
      {session.agenda.length === 0 ? (
        <p>Aucune demande n’est encore inscrite à l’ordre du jour.</p>
      ) : (
        <>
          <AgendaTable items={shown} total={session.agenda.length} />
          <Paging page={page} pageSize={PAGE_SIZE} total={session.agenda.length} onPage={setPage} />
        </>
      )}
      <div className="fr-mt-4w">
        <AgendaForm sessionId={session.id} departement={session.departement} />
      </div>
    </>
  );
}

function AgendaTable({ items, total }: { items: AgendaItem[]; total: number }) {
  const requests = useQueries({
    queries: items.map((item) => ({ queryKey: commissionKeys.request(item.requestId), queryFn: () => commissionApi.request(item.requestId) })),
  });
  return (
    <Table
      noCaption
      caption={`Demandes inscrites (${total})`}
      headers={['Demande', 'Inscrite le', 'Sortie prévue', 'État', 'Décision']}
      data={items.map((item, index) => {
        const request = requests[index].data;
        return [
          <Link key={item.requestId} to={`/commission/demandes/${item.requestId}`}>Demande {shortId(item.requestId)}</Link>,
          formatShortDate(item.addedOn),
          request ? `${formatShortDate(request.expectedReleaseDate)} (${releaseCountdown(request.daysToRelease)})` : '…',
          request ? agendaStatus(request) : '…',
          decisionLabel(item.decision),
        ];
      })}
    />
  );
}
