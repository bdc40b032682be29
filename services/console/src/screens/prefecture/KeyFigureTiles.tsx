import { KeyFigures } from './series';

interface Tile {
  label: string;
  value: string;
  detail?: string;
}

const count = (value: number) => value.toLocaleString('fr-FR');
const days = (value?: number) => (value === undefined ? '—' : `${value.toLocaleString('fr-FR')} j`);

function tilesOf(figures: KeyFigures): Tile[] {
  const { flows, stocks, delays } = figures;
  return [
    { label: 'Sorties sèches', value: count(flows.sortiesSeches), detail: 'sur la période' },
    { label: 'Demandes ouvertes', value: count(flows.requestsOpened), detail: 'sur la période' },
    { label: 'Demandes transmises', value: count(flows.requestsSubmitted), detail: 'sur la période' },
    { label: 'Demandes orientées', value: count(flows.requestsOriented), detail: 'sur la période' },
    { label: 'Places confirmées', value: count(flows.placementsConfirmed), detail: 'sur la période' },
    { label: 'Entrées en structure', value: count(flows.peopleEntered), detail: 'sur la période' },
    { label: 'Libérations sous contrainte menacées', value: count(stocks.lscAtRisk), detail: 'faute d’hébergement, au dernier jour' },
    {
      label: 'Alertes ouvertes',
      value: count(stocks.openAlertsWatch + stocks.openAlertsWarning + stocks.openAlertsCritical),
      detail: `dont ${count(stocks.openAlertsCritical)} critiques, ${count(stocks.openAlertsWarning)} avertissements, ${count(stocks.openAlertsWatch)} vigilances`,
    },
    {
      label: 'Occupation des places fléchées',
      value: figures.occupancyPercent === undefined ? '—' : `${figures.occupancyPercent} %`,
      detail: `${count(stocks.reservedPlacesOccupied)} occupées sur ${count(stocks.reservedPlaces)}, au dernier jour`,
    },
    { label: 'Délai médian fenêtre → transmission', value: days(delays.windowToSubmission), detail: 'de l’ouverture de la fenêtre SIAO à la transmission' },
    { label: 'Délai médian transmission → orientation', value: days(delays.submissionToOrientation), detail: 'de la transmission à l’orientation par la commission' },
    { label: 'Détentions dans la fenêtre SIAO', value: count(stocks.detentionsInWindow), detail: 'au dernier jour' },
  ];
}

/** The period's key figures, one tile each: its name is the tile's accessible name. */
export function KeyFigureTiles({ figures }: { figures: KeyFigures }) {
  return (
    <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list" style={{ listStyle: 'none', paddingLeft: 0 }}>
      {tilesOf(figures).map((tile, i) => (
        <li key={tile.label} className="fr-col-12 fr-col-sm-6 fr-col-lg-3">
          <div role="group" aria-labelledby={`chiffre-${i}`} className="fr-card fr-card--no-arrow fr-p-3w" style={{ height: '100%' }}>
            <p id={`chiffre-${i}`} className="fr-text--bold fr-mb-1w">{tile.label}</p>
            <p className="fr-h3 fr-mb-1w">{tile.value}</p>
            {tile.detail && <p className="fr-text--sm fr-mb-0">{tile.detail}</p>}
          </div>
        </li>
      ))}
    </ul>
  );
}
