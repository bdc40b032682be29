import { validateSync } from 'class-validator';
import { IsCalendarDate, isCalendarDate, IsDepartementCode, isDepartementCode } from './validators';

describe('isDepartementCode', () => {
  it.each(['01', '19', '21', '2A', '2B', '95', '971', '976'])('accepts %s', (code) => {
    expect(isDepartementCode(code)).toBe(true);
  });

  it.each(['00', '20', '96', '970', '977', '2C', '2a', '1', '001', ' 01', ''])('refuses %j', (code) => {
    expect(isDepartementCode(code)).toBe(false);
  });

  it.each([1, 75, null, undefined, ['75']])('refuses the non-string %j', (value) => {
    expect(isDepartementCode(value)).toBe(false);
  });
});

describe('isCalendarDate', () => {
  it.each(['2025-01-01', '2024-02-29', '2000-02-29', '2025-12-31', '2025-04-30'])('accepts %s', (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });

  it.each(['2025-02-29', '1900-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-01-00', '2025-1-01', '2025-01-1',
    '2025-01-01T00:00:00Z', '2025-01-01 ', '01/02/2025', ''])('refuses %j', (date) => {
    expect(isCalendarDate(date)).toBe(false);
  });

  it.each([20250101, new Date('2025-01-01'), null])('refuses the non-string %j', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });
});

describe('the decorators', () => {
  class Sample {
    @IsDepartementCode() departement!: string;
    @IsCalendarDate() date!: string;
  }

  function violations(departement: string, date: string): Record<string, string> {
    const sample = Object.assign(new Sample(), { departement, date });
    return Object.fromEntries(validateSync(sample).flatMap((error) => Object.values(error.constraints ?? {}).map((m) => [error.property, m])));
  }

  it('pass valid values', () => {
    expect(violations('2A', '2024-02-29')).toEqual({});
  });

  it('name the property and the rule in their messages', () => {
    expect(violations('20', '2025-02-29')).toEqual({
      departement: 'departement must be a département code (01–95, 2A, 2B, 971–976)',
      date: 'date must be a real calendar date YYYY-MM-DD',
    });
  });
});
