import { mondayOf, outlookWeeks } from './outlook-weeks';

describe('outlook weeks', () => {
  it('start on the Monday of the week holding today, whatever day today is', () => {
    expect(mondayOf('2026-03-25')).toBe('2026-03-23');
    expect(mondayOf('2026-03-23')).toBe('2026-03-23');
    // A Sunday ends its week: it is not the start of the next one.
    expect(mondayOf('2026-03-29')).toBe('2026-03-23');
    expect(mondayOf('2026-03-30')).toBe('2026-03-30');
  });

  it('are twelve Monday-to-Sunday weeks in a row, across a year end and a leap day', () => {
    const weeks = outlookWeeks('2026-12-31');
    expect(weeks).toHaveLength(12);
    expect(weeks[0]).toEqual({ weekStart: '2026-12-28', weekEnd: '2027-01-03' });
    expect(weeks[11]).toEqual({ weekStart: '2027-03-15', weekEnd: '2027-03-21' });
    for (let i = 1; i < weeks.length; i++) expect(mondayOf(weeks[i].weekStart)).toBe(weeks[i].weekStart);
    expect(outlookWeeks('2028-02-29')[0]).toEqual({ weekStart: '2028-02-28', weekEnd: '2028-03-05' });
  });

  it('keep seven days across the change to summer time', () => {
    // Europe/Paris moves its clocks on Sunday 29 March 2026: calendar dates do not notice.
    expect(outlookWeeks('2026-03-27').slice(0, 2)).toEqual([
      { weekStart: '2026-03-23', weekEnd: '2026-03-29' },
      { weekStart: '2026-03-30', weekEnd: '2026-04-05' },
    ]);
  });
});
