import { cellOfRegistration, IndicatorPeriod } from './daily-indicator';
import { IndicatorPeriodError } from './daily-indicator.errors';

const utcDay = (instant: Date) => instant.toISOString().slice(0, 10);

describe('cellOfRegistration', () => {
  it('counts for the destination département, on the day the given calendar says', () => {
    const cell = cellOfRegistration({ destinationDepartement: '75', registeredAt: new Date('2026-11-23T09:00:00Z') }, utcDay);
    expect(cell).toEqual({ departement: '75', day: '2026-11-23' });
  });
});

describe('IndicatorPeriod', () => {
  it('accepts a single day and a year', () => {
    expect(IndicatorPeriod.of('2026-11-23', '2026-11-23')).toMatchObject({ from: '2026-11-23', to: '2026-11-23' });
    expect(IndicatorPeriod.of('2024-01-01', '2024-12-31')).toMatchObject({ to: '2024-12-31' });
  });

  it('refuses an end before the start and a period longer than 366 days', () => {
    expect(() => IndicatorPeriod.of('2026-11-23', '2026-11-22')).toThrow(IndicatorPeriodError);
    expect(() => IndicatorPeriod.of('2024-01-01', '2025-01-01')).toThrow(expect.objectContaining({ rule: 'maxPeriod' }));
  });
});
