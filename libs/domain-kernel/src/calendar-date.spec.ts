import { addDays, addMonths, addYears, daysBetween, earliest } from './calendar-date';

describe('calendar arithmetic', () => {
  it.each([
    ['2027-08-31', -6, '2027-02-28'],
    ['2028-08-31', -6, '2028-02-29'],
    ['2027-03-31', -1, '2027-02-28'],
    ['2027-05-31', -6, '2026-11-30'],
    ['2027-01-15', -6, '2026-07-15'],
    ['2026-12-31', 2, '2027-02-28'],
  ])('%s plus %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('counts years from 29 February to the last day of February', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
  });

  it('moves by days across months, years and the daylight-saving change', () => {
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
  });

  it('counts whole days between dates, in either direction', () => {
    expect(daysBetween('2027-02-27', '2027-03-01')).toBe(2);
    expect(daysBetween('2028-02-27', '2028-03-01')).toBe(3);
    expect(daysBetween('2027-03-01', '2027-02-27')).toBe(-2);
  });

  it('finds the earliest date, or none', () => {
    expect(earliest(['2027-05-01', '2026-12-31', '2027-01-01'])).toBe('2026-12-31');
    expect(earliest([])).toBeUndefined();
  });
});
