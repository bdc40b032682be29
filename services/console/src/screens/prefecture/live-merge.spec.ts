import { DayFigures } from './indicators';
import { liveChange } from './live-merge';

const ZERO: Omit<DayFigures, 'day'> = {
  departement: '13', detentionsRegistered: 0, detentionsInWindow: 0, requestsOpened: 0, requestsSubmitted: 0, requestsOriented: 0,
  placementsConfirmed: 0, peopleEntered: 0, sortiesSeches: 0, openAlertsWatch: 0, openAlertsWarning: 0, openAlertsCritical: 0,
  lscAtRisk: 0, reservedPlaces: 0, reservedPlacesOccupied: 0,
};
const day = (date: string, figures: Partial<DayFigures> = {}): DayFigures => ({ ...ZERO, day: date, ...figures });

describe('a day heard live, against the answers held', () => {
  const cached = [{ period: { from: '2026-10-01', to: '2026-12-03' }, days: [day('2026-12-02'), day('2026-12-03', { sortiesSeches: 2 })] }];

  it('replaces the day and says what grew', () => {
    const change = liveChange(cached, day('2026-12-03', { sortiesSeches: 3 }));
    expect(change.merged[0].map((d) => d.sortiesSeches)).toEqual([0, 3]);
    expect(change.notice).toBe('Mise à jour : 1 sortie sèche enregistrée le 3 décembre 2026.');
  });

  it('says nothing when the same figures come again', () => {
    const change = liveChange(cached, day('2026-12-03', { sortiesSeches: 2 }));
    expect(change.notice).toBeUndefined();
    expect(change.merged[0]).toBe(cached[0].days);
  });

  it('only says the figures changed for a day the dashboard does not show', () => {
    const change = liveChange(cached, day('2027-01-10', { sortiesSeches: 4 }));
    expect(change.merged[0]).toBe(cached[0].days);
    expect(change.notice).toBe('Mise à jour : les chiffres du 10 janvier 2027 ont changé.');
  });
});
