import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { Paging } from '../../ui/Paging';
import { QueryState } from '../../ui/QueryState';
import { formatDate } from '../../ui/dates';
import { pageOf } from './availability';
import { commissionApi, commissionKeys } from './commission-api';
import { DepartementSelect, useDepartement } from './DepartementSelect';
import { PlanSessionForm } from './PlanSessionForm';
import { byDate } from './sessions';

const PAGE_SIZE = 10;

/** The département's commission sessions (from a month ago), and planning a new one. */
export function SessionsScreen() {
  const navigate = useNavigate();
  const [departement, setDepartement] = useDepartement();
  const [page, setPage] = useState(1);
  const sessions = useQuery({ queryKey: commissionKeys.sessions(departement), queryFn: () => commissionApi.sessions(departement) });
  const all = byDate(sessions.data ?? []);
  return (
    <>
      <h1>Commissions d’orientation</h1>
      <DepartementSelect value={departement} onChange={(code) => { setDepartement(code); setPage(1); }} />
      <QueryState isLoading={sessions.isLoading} error={sessions.error}>
        {all.length === 0 ? (
          <p>Aucune commission planifiée depuis un mois dans ce département.</p>
        ) : (
          <>
            <Table
              caption={`Commissions du ${departement} (${all.length})`}
              headers={['Date', 'Membres', 'Ordre du jour']}
              data={pageOf(all, page, PAGE_SIZE).map((s) => [
                formatDate(s.sessionDate),
                s.members.join(', '),
                <Link key={s.id} to={`/commission/sessions/${s.id}`}>Ouvrir la commission du {formatDate(s.sessionDate)}</Link>,
              ])}
            />
            <Paging page={page} pageSize={PAGE_SIZE} total={all.length} onPage={setPage} />
          </>
        )}
      </QueryState>
      <div className="fr-mt-4w">
        <PlanSessionForm departement={departement} onPlanned={(session) => navigate(`/commission/sessions/${session.id}`)} />
      </div>
    </>
  );
}
