import { contains, monthLabel, monthsOf, periodLabel, periodOf, shortMonthLabel } from './period';

describe('the dashboard period', () => {
  it('takes whole calendar months up to the services’ day, the current month included', () => {
    expect(periodOf('2026-12-03', 3)).toEqual({ from: '2026-10-01', to: '2026-12-03' });
    expect(periodOf('2026-02-28', 6)).toEqual({ from: '2025-09-01', to: '2026-02-28' });
    expect(periodOf('2026-12-31', 12)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('lists each month of the period, across a new year', () => {
    expect(monthsOf({ from: '2026-11-01', to: '2027-02-10' })).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsOf({ from: '2026-12-01', to: '2026-12-01' })).toEqual(['2026-12']);
  });

  it('names months the French way', () => {
    expect(monthLabel('2026-12')).toBe('décembre 2026');
    expect(shortMonthLabel('2027-02')).toBe('févr. 2027');
    expect(periodLabel({ from: '2026-10-01', to: '2026-12-03' })).toBe('du 1er octobre 2026 au 3 décembre 2026');
  });

  it('holds its first and last day', () => {
    const period = { from: '2026-10-01', to: '2026-12-03' };
    expect([contains(period, '2026-10-01'), contains(period, '2026-12-03'), contains(period, '2026-12-04'), contains(period, '2026-09-30')]).toEqual([true, true, false, false]);
  });
});
