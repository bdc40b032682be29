/**
 * A département's figures for one day, as notification answers them (GET /v1/indicators) and streams
 * them (SSE `indicators`): counts only, never a person. Mirrors IndicatorsChangedV1.
 */
export interface DayFigures {
  departement: string;
  day: string;
  detentionsRegistered: number;
  /** Detentions whose SIAO window is open that day (a stock). */
  detentionsInWindow: number;
  requestsOpened: number;
  requestsSubmitted: number;
  requestsOriented: number;
  placementsConfirmed: number;
  peopleEntered: number;
  sortiesSeches: number;
  openAlertsWatch: number;
  openAlertsWarning: number;
  openAlertsCritical: number;
  lscAtRisk: number;
  /** Median days from the window's opening to the submission, over the requests submitted that day. */
  medianDaysWindowToSubmission?: number | null;
  /** Median days from the submission to the orientation, over the requests oriented that day. */
  medianDaysSubmissionToOrientation?: number | null;
  reservedPlaces: number;
  reservedPlacesOccupied: number;
}

/** The figures counted on the day they happen: they add up over a period. */
export const FLOWS = [
  'detentionsRegistered',
  'requestsOpened',
  'requestsSubmitted',
  'requestsOriented',
  'placementsConfirmed',
  'peopleEntered',
  'sortiesSeches',
] as const;
export type Flow = (typeof FLOWS)[number];

/** The figures that stand on a day: over a period, the last day's is the one to read. */
export const STOCKS = [
  'detentionsInWindow',
  'openAlertsWatch',
  'openAlertsWarning',
  'openAlertsCritical',
  'lscAtRisk',
  'reservedPlaces',
  'reservedPlacesOccupied',
] as const;
export type Stock = (typeof STOCKS)[number];

export const FLOW_LABELS: Record<Flow, { one: string; many: string; title: string }> = {
  detentionsRegistered: { one: 'détention enregistrée', many: 'détentions enregistrées', title: 'Détentions enregistrées' },
  requestsOpened: { one: 'demande SIAO ouverte', many: 'demandes SIAO ouvertes', title: 'Demandes ouvertes' },
  requestsSubmitted: { one: 'demande transmise au SIAO', many: 'demandes transmises au SIAO', title: 'Demandes transmises' },
  requestsOriented: { one: 'demande orientée', many: 'demandes orientées', title: 'Demandes orientées' },
  placementsConfirmed: { one: 'place confirmée', many: 'places confirmées', title: 'Places confirmées' },
  peopleEntered: { one: 'entrée en structure', many: 'entrées en structure', title: 'Entrées en structure' },
  sortiesSeches: { one: 'sortie sèche enregistrée', many: 'sorties sèches enregistrées', title: 'Sorties sèches' },
};

export const STOCK_LABELS: Record<Stock, string> = {
  detentionsInWindow: 'Détentions dans la fenêtre SIAO',
  openAlertsWatch: 'Alertes « vigilance » ouvertes',
  openAlertsWarning: 'Alertes « avertissement » ouvertes',
  openAlertsCritical: 'Alertes « critiques » ouvertes',
  lscAtRisk: 'Libérations sous contrainte menacées',
  reservedPlaces: 'Places fléchées justice',
  reservedPlacesOccupied: 'Places fléchées occupées',
};
