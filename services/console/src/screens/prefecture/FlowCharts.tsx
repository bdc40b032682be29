import { Bar } from 'react-chartjs-2';
import { ChartFigure } from './ChartFigure';
import { SERIES_COLOURS } from './charts';
import { Flow, FLOW_LABELS } from './indicators';
import { monthLabel, shortMonthLabel } from './period';
import { MonthRow } from './series';
import './charts';

const REQUEST_FLOWS: Flow[] = ['requestsOpened', 'requestsSubmitted', 'requestsOriented', 'placementsConfirmed'];
const REQUEST_COLOURS = [SERIES_COLOURS[0], SERIES_COLOURS[4], SERIES_COLOURS[3], SERIES_COLOURS[2]];
// The figures change live: no animation, so a new value shows at once.
const OPTIONS = { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } as const;

function SortiesSechesChart({ rows }: { rows: MonthRow[] }) {
  return (
    <ChartFigure
      id="sorties-seches-par-mois"
      title="Sorties sèches par mois"
      description="Personnes libérées sans solution d’hébergement, par mois de libération."
      chart={(label) => (
        <Bar
          aria-label={label}
          options={{ ...OPTIONS, plugins: { legend: { display: false } } }}
          data={{
            labels: rows.map((row) => shortMonthLabel(row.month)),
            datasets: [{ label: 'Sorties sèches', data: rows.map((row) => row.flows.sortiesSeches), backgroundColor: SERIES_COLOURS[1] }],
          }}
        />
      )}
      headers={['Mois', 'Sorties sèches']}
      rows={rows.map((row) => [monthLabel(row.month), row.flows.sortiesSeches])}
    />
  );
}

function RequestFlowsChart({ rows }: { rows: MonthRow[] }) {
  return (
    <ChartFigure
      id="demandes-par-mois"
      title="Demandes et places confirmées par mois"
      description="Demandes SIAO ouvertes, transmises au SIAO et orientées par la commission, places confirmées."
      chart={(label) => (
        <Bar
          aria-label={label}
          options={OPTIONS}
          data={{
            labels: rows.map((row) => shortMonthLabel(row.month)),
            datasets: REQUEST_FLOWS.map((flow, i) => ({
              label: FLOW_LABELS[flow].title,
              data: rows.map((row) => row.flows[flow]),
              backgroundColor: REQUEST_COLOURS[i],
            })),
          }}
        />
      )}
      headers={['Mois', ...REQUEST_FLOWS.map((flow) => FLOW_LABELS[flow].title)]}
      rows={rows.map((row) => [monthLabel(row.month), ...REQUEST_FLOWS.map((flow) => row.flows[flow])])}
    />
  );
}

/** The monthly flows: sorties sèches, then the requests' path to a confirmed place. */
export function FlowCharts({ rows }: { rows: MonthRow[] }) {
  return (
    <>
      <SortiesSechesChart rows={rows} />
      <RequestFlowsChart rows={rows} />
    </>
  );
}
