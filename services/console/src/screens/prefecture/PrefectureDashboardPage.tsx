import { useMemo, useState } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { useCurrentSession } from '../../session/session-context';
import { parisToday } from '../../ui/dates';
import { QueryState } from '../../ui/QueryState';
import { StreamStatus } from './event-stream';
import { FlowCharts } from './FlowCharts';
import { useIndicators, useOutlook } from './indicators-api';
import { KeyFigureTiles } from './KeyFigureTiles';
import { MonthlyStocksTable } from './MonthlyStocksTable';
import { OutlookSection } from './OutlookSection';
import { DashboardFilters } from './DashboardFilters';
import { periodLabel, periodOf, PeriodMonths } from './period';
import { keyFiguresOf, monthlyRows } from './series';
import { LiveNotice, useLiveIndicators } from './useLiveIndicators';

const STATUS: Record<StreamStatus, { text: string; severity: 'success' | 'info' | 'warning' | 'error' }> = {
  connecting: { text: 'Connexion au direct…', severity: 'info' },
  open: { text: 'En direct', severity: 'success' },
  retrying: { text: 'Direct interrompu, reconnexion…', severity: 'warning' },
  refused: { text: 'Direct refusé', severity: 'error' },
};

const DEPARTEMENT_CODE = /^(\d{2,3}|2[AB])$/;

/** The services' day: the outlook's, when notification offers one; otherwise the browser's. */
function useServicesDay(departement: string): string | undefined {
  const outlook = useOutlook(departement);
  if (outlook.data) return outlook.data.asOf;
  return outlook.isPending && outlook.fetchStatus !== 'idle' ? undefined : parisToday();
}

/** The préfecture's dashboard: a département's figures over a period, live, and the 12-week outlook. */
export function PrefectureDashboardPage() {
  const session = useCurrentSession();
  const [typed, setDepartement] = useState(session.departements[0] ?? '');
  // A national user types the code: nothing is asked until it is a whole one.
  const departement = DEPARTEMENT_CODE.test(typed) ? typed : '';
  const [months, setMonths] = useState<PeriodMonths>(3);
  const today = useServicesDay(departement);
  const period = useMemo(() => (today && departement ? periodOf(today, months) : undefined), [today, months, departement]);
  const indicators = useIndicators(departement, period);
  const live = useLiveIndicators(departement, session.token);
  const days = indicators.data ?? [];

  return (
    <>
      <h1>Tableau de bord</h1>
      <p>Les chiffres de la préparation des sorties de détention du département : des nombres seulement, jamais une personne.</p>
      <DashboardFilters departements={session.departements} departement={typed} onDepartement={setDepartement} months={months} onMonths={setMonths} />
      <LiveStatus status={live.status} notices={live.notices} />
      {!departement && <Alert severity="info" small description="Indiquez un département pour afficher ses chiffres." />}
      {period && (
        <QueryState isLoading={indicators.isLoading} error={indicators.error}>
          <section aria-labelledby="chiffres-cles-titre" className="fr-mt-4w">
            <h2 id="chiffres-cles-titre">Chiffres clés {periodLabel(period)}</h2>
            <KeyFigureTiles figures={keyFiguresOf(days, period)} />
          </section>
          <section aria-labelledby="evolution-titre" className="fr-mt-6w">
            <h2 id="evolution-titre">Évolution mois par mois</h2>
            <FlowCharts rows={monthlyRows(days, period)} />
            <MonthlyStocksTable rows={monthlyRows(days, period)} />
          </section>
        </QueryState>
      )}
      {departement && <OutlookSection departement={departement} />}
    </>
  );
}

const time = (at: number) => new Date(at).toLocaleTimeString('fr-FR', { timeStyle: 'short' });

function LiveStatus({ status, notices }: { status: StreamStatus; notices: LiveNotice[] }) {
  const { text, severity } = STATUS[status];
  return (
    <div className="fr-mb-2w">
      <Badge severity={severity} small>{text}</Badge>
      {/* Always in the page, so a screen reader hears each new notice politely; the newest first. */}
      <div aria-live="polite" aria-relevant="additions" className="fr-mt-1w">
        {notices.length > 0 && (
          <Alert
            severity="info"
            small
            description={
              <ul className="fr-mb-0">
                {notices.map((notice) => <li key={notice.id}>{`${time(notice.at)} — ${notice.text}`}</li>)}
              </ul>
            }
          />
        )}
      </div>
    </div>
  );
}
