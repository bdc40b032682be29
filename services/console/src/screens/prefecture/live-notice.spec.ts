import { DayFigures } from './indicators';
import { liveNoticeOf } from './live-notice';

const ZERO: DayFigures = {
  departement: '13', day: '2026-12-03', detentionsRegistered: 0, detentionsInWindow: 0, requestsOpened: 0, requestsSubmitted: 0, requestsOriented: 0,
  placementsConfirmed: 0, peopleEntered: 0, sortiesSeches: 0, openAlertsWatch: 0, openAlertsWarning: 0, openAlertsCritical: 0,
  lscAtRisk: 0, reservedPlaces: 0, reservedPlacesOccupied: 0,
};

describe('the live notice', () => {
  it('names a new sortie sèche and its day', () => {
    expect(liveNoticeOf(ZERO, { ...ZERO, sortiesSeches: 1 })).toBe('Mise à jour : 1 sortie sèche enregistrée le 3 décembre 2026.');
  });

  it('puts the sorties sèches first, then the other flows that grew, in the plural when more than one', () => {
    const before = { ...ZERO, requestsOpened: 2, sortiesSeches: 1 };
    expect(liveNoticeOf(before, { ...before, requestsOpened: 4, sortiesSeches: 3, placementsConfirmed: 1 }))
      .toBe('Mise à jour : 2 sorties sèches enregistrées, 2 demandes SIAO ouvertes, 1 place confirmée le 3 décembre 2026.');
  });

  it('counts from zero a day it had not shown, and says the figures changed when only stocks moved', () => {
    expect(liveNoticeOf(undefined, { ...ZERO, detentionsRegistered: 1 })).toBe('Mise à jour : 1 détention enregistrée le 3 décembre 2026.');
    expect(liveNoticeOf(ZERO, { ...ZERO, lscAtRisk: 3 })).toBe('Mise à jour : les chiffres du 3 décembre 2026 ont changé.');
  });
});
