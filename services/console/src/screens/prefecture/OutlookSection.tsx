import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Bar } from 'react-chartjs-2';
import { formatDate } from '../../ui/dates';
import { ErrorNotice } from '../../ui/QueryState';
import { ChartFigure } from './ChartFigure';
import { SERIES_COLOURS } from './charts';
import { useOutlook } from './indicators-api';
import { outlookView } from './outlook';
import './charts';

/** The next 12 weeks: releases without a confirmed placement against the reserved places free. */
export function OutlookSection({ departement }: { departement: string }) {
  const outlook = useOutlook(departement);
  return (
    <section className="fr-mt-6w" aria-labelledby="prevision-titre">
      <h2 id="prevision-titre">Prévision à 12 semaines</h2>
      {outlook.isLoading && <p role="status">Chargement de la prévision…</p>}
      {outlook.error && <ErrorNotice error={outlook.error} title="La prévision n’a pas pu être lue" />}
      {outlook.data === null && (
        <Alert
          severity="info"
          small
          description="La prévision à 12 semaines n’est pas encore proposée par le service de notification. Elle s’affichera ici dès qu’elle le sera."
        />
      )}
      {outlook.data && <OutlookFigures view={outlookView(outlook.data)} />}
    </section>
  );
}

function OutlookFigures({ view }: { view: ReturnType<typeof outlookView> }) {
  return (
    <>
      <p>
        Calculée le {formatDate(view.asOf)}.{' '}
        {view.worst
          ? `Des places manquent ${view.weeksMissing === 1 ? 'une semaine' : `${view.weeksMissing} semaines`} sur ${view.rows.length} ; au plus ${view.worst.gap} (semaine ${view.worst.label}).`
          : 'Chaque semaine, les places fléchées libres couvrent les sorties sans place confirmée.'}
      </p>
      <ChartFigure
        id="prevision-12-semaines"
        title="Sorties sans place confirmée et places fléchées libres, par semaine"
        description="Semaines du lundi au dimanche ; un écart positif est un manque de places."
        chart={(label) => (
          <Bar
            aria-label={label}
            options={{ responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }}
            data={{
              labels: view.rows.map((row) => row.axisLabel),
              datasets: [
                { label: 'Sorties sans place confirmée', data: view.rows.map((row) => row.releasesWithoutPlacement), backgroundColor: SERIES_COLOURS[1] },
                { label: 'Places fléchées libres', data: view.rows.map((row) => row.reservedPlacesFree), backgroundColor: SERIES_COLOURS[0] },
              ],
            }}
          />
        )}
        headers={['Semaine', 'Sorties attendues', 'Sans place confirmée', 'Places fléchées libres', 'Écart']}
        rows={view.rows.map((row) => [
          row.label,
          row.releasesExpected,
          row.releasesWithoutPlacement,
          row.reservedPlacesFree,
          row.missing ? <Badge severity="error" small noIcon={false} as="span">{row.gapText}</Badge> : row.gapText,
        ])}
      />
    </>
  );
}
