import { DayFigures } from './indicators';
import { keyFiguresOf, mergeDay, monthlyRows } from './series';

const ZERO: Omit<DayFigures, 'day'> = {
  departement: '13', detentionsRegistered: 0, detentionsInWindow: 0, requestsOpened: 0, requestsSubmitted: 0, requestsOriented: 0,
  placementsConfirmed: 0, peopleEntered: 0, sortiesSeches: 0, openAlertsWatch: 0, openAlertsWarning: 0, openAlertsCritical: 0,
  lscAtRisk: 0, reservedPlaces: 0, reservedPlacesOccupied: 0,
};
const day = (date: string, figures: Partial<DayFigures> = {}): DayFigures => ({ ...ZERO, day: date, ...figures });
const PERIOD = { from: '2026-10-01', to: '2026-12-03' };

describe('the dashboard’s series', () => {
  const days = [
    day('2026-10-05', { sortiesSeches: 2, requestsOpened: 3, lscAtRisk: 4 }),
    day('2026-10-31', { sortiesSeches: 1, lscAtRisk: 6, reservedPlaces: 10, reservedPlacesOccupied: 3 }),
    day('2026-12-02', { requestsSubmitted: 2, medianDaysWindowToSubmission: 10 }),
    day('2026-12-03', { requestsSubmitted: 1, medianDaysWindowToSubmission: 40, reservedPlaces: 8, reservedPlacesOccupied: 6, lscAtRisk: 2 }),
    day('2026-12-04', { sortiesSeches: 9 }),
  ];

  it('sums the flows of each month and keeps a month without figures at zero', () => {
    const rows = monthlyRows(days, PERIOD);
    expect(rows.map((row) => [row.month, row.flows.sortiesSeches, row.flows.requestsOpened])).toEqual([
      ['2026-10', 3, 3], ['2026-11', 0, 0], ['2026-12', 0, 0],
    ]);
  });

  it('takes the stocks of each month’s last day', () => {
    expect(monthlyRows(days, PERIOD).map((row) => row.stocks.lscAtRisk)).toEqual([6, 0, 2]);
  });

  it('weights each day’s median delay by the requests it was taken over', () => {
    const december = monthlyRows(days, PERIOD)[2];
    expect(december.delays).toEqual({ windowToSubmission: 20, submissionToOrientation: undefined });
  });

  it('sums the period, reads the stocks of its last day and the occupancy of the reserved places', () => {
    const figures = keyFiguresOf(days, PERIOD);
    expect(figures.flows.sortiesSeches).toBe(3);
    expect(figures.flows.requestsSubmitted).toBe(3);
    expect(figures.stocks.reservedPlaces).toBe(8);
    expect(figures.occupancyPercent).toBe(75);
    expect(keyFiguresOf([day('2026-12-03')], PERIOD).occupancyPercent).toBeUndefined();
  });

  it('replaces a day heard live, or adds it in order', () => {
    const merged = mergeDay(days, day('2026-12-02', { sortiesSeches: 1 }), PERIOD);
    expect(merged.filter((d) => d.day === '2026-12-02')).toEqual([day('2026-12-02', { sortiesSeches: 1 })]);
    expect(keyFiguresOf(merged, PERIOD).flows.sortiesSeches).toBe(4);
    const added = mergeDay(days, day('2026-11-15', { sortiesSeches: 1 }), PERIOD);
    expect(added.map((d) => d.day)).toEqual(['2026-10-05', '2026-10-31', '2026-11-15', '2026-12-02', '2026-12-03', '2026-12-04']);
  });

  it('leaves the days as they were for a day outside the period', () => {
    expect(mergeDay(days, day('2027-01-02', { sortiesSeches: 1 }), PERIOD)).toBe(days);
  });
});
