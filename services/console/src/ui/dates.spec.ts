import { daysBetween, formatDate, formatShortDate, parisToday } from './dates';

describe('calendar dates in the console', () => {
  it('shows a calendar date as that day, whatever the time zone', () => {
    expect(formatDate('2026-12-31')).toBe('31 décembre 2026');
    expect(formatShortDate('2027-01-04')).toBe('04/01/2027');
    expect(formatDate(undefined)).toBe('—');
  });

  it('counts whole days across a change of summer time', () => {
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(daysBetween('2027-01-10', '2027-01-03')).toBe(-7);
  });

  it('takes today in Paris, not in UTC', () => {
    expect(parisToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(parisToday(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });
});
