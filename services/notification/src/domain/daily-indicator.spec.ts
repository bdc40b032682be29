import { IndicatorPeriod } from './daily-indicator';
import { IndicatorPeriodError } from './daily-indicator.errors';

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
