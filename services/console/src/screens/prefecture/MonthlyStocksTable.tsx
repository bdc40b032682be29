import { Table } from '@codegouvfr/react-dsfr/Table';
import { monthLabel } from './period';
import { MonthRow } from './series';

const days = (value?: number) => (value === undefined ? '—' : `${value.toLocaleString('fr-FR')} j`);

/** Median delays of each month and the stocks of its last day: LSC at risk, alerts, reserved places. */
export function MonthlyStocksTable({ rows }: { rows: MonthRow[] }) {
  return (
    <Table
      caption="Délais médians et situation en fin de mois"
      bordered
      headers={[
        'Mois',
        'Délai médian fenêtre → transmission',
        'Délai médian transmission → orientation',
        'LSC menacées',
        'Alertes critiques',
        'Places fléchées',
        'Dont occupées',
        'Occupation',
      ]}
      data={rows.map((row) => [
        monthLabel(row.month),
        days(row.delays.windowToSubmission),
        days(row.delays.submissionToOrientation),
        row.stocks.lscAtRisk,
        row.stocks.openAlertsCritical,
        row.stocks.reservedPlaces,
        row.stocks.reservedPlacesOccupied,
        row.stocks.reservedPlaces === 0 ? '—' : `${Math.round((row.stocks.reservedPlacesOccupied / row.stocks.reservedPlaces) * 100)} %`,
      ])}
    />
  );
}
