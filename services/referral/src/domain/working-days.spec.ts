import {
  addWorkingDays, frenchPublicHolidays, isWorkingDay, workingDaysBetween,
} from './working-days';

describe('frenchPublicHolidays', () => {
  it('lists the 11 national jours fériés, movable ones from Easter 2027 (28 March)', () => {
    expect([...frenchPublicHolidays(2027)].sort()).toEqual([
      '2027-01-01',
      '2027-03-29',
      '2027-05-01',
      '2027-05-06',
      '2027-05-08',
      '2027-05-17',
      '2027-07-14',
      '2027-08-15',
      '2027-11-01',
      '2027-11-11',
      '2027-12-25',
    ]);
  });

  it.each([
    [2008, '2008-03-24', '2008-05-01', '2008-05-12'],
    [2024, '2024-04-01', '2024-05-09', '2024-05-20'],
    [2025, '2025-04-21', '2025-05-29', '2025-06-09'],
    [2026, '2026-04-06', '2026-05-14', '2026-05-25'],
    [2038, '2038-04-26', '2038-06-03', '2038-06-14'],
  ])('places Easter Monday, Ascension and Whit Monday of %i', (year, easterMonday, ascension, whitMonday) => {
    const holidays = frenchPublicHolidays(year);
    expect([easterMonday, ascension, whitMonday].every((date) => holidays.has(date))).toBe(true);
  });

  it('counts a day once when Ascension falls on 1 May (2008)', () => {
    expect(frenchPublicHolidays(2008).size).toBe(10);
    expect(frenchPublicHolidays(2026).size).toBe(11);
  });

  it('hands out a copy, so changing it leaves the cache alone', () => {
    frenchPublicHolidays(2026).add('2026-06-01');
    frenchPublicHolidays(2026).delete('2026-04-06');
    expect(isWorkingDay('2026-06-01')).toBe(true);
    expect(isWorkingDay('2026-04-06')).toBe(false);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-04-07', true],
    ['2026-04-06', false],
    ['2026-07-14', false],
    ['2026-05-02', false],
    ['2026-05-03', false],
    ['2027-01-01', false],
  ])('%s is a working day: %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });
});

describe('workingDaysBetween', () => {
  it('skips Christmas and the weekend after it', () => {
    expect(workingDaysBetween('2026-12-24', '2026-12-28')).toBe(1);
  });

  it('skips 11 November in the middle of a week', () => {
    expect(workingDaysBetween('2026-11-08', '2026-11-15')).toBe(4);
  });

  it('counts the end date and not the start date', () => {
    expect(workingDaysBetween('2026-12-28', '2026-12-29')).toBe(1);
    expect(workingDaysBetween('2026-12-29', '2026-12-29')).toBe(0);
  });

  it('is 0 when the end is before the start', () => {
    expect(workingDaysBetween('2026-12-29', '2026-12-01')).toBe(0);
  });

  it('crosses a year boundary', () => {
    expect(workingDaysBetween('2026-12-31', '2027-01-04')).toBe(1);
  });

  it('finds the 252 working days of 2026 (261 weekdays, 9 of them holidays)', () => {
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(252);
  });
});

describe('addWorkingDays', () => {
  it('jumps over Christmas and the weekend', () => {
    expect(addWorkingDays('2026-12-23', 2)).toBe('2026-12-28');
  });

  it('starts counting on the next working day when the start is a weekend', () => {
    expect(addWorkingDays('2026-11-07', 1)).toBe('2026-11-09');
  });

  it('returns the start itself for 0 days, even on a holiday', () => {
    expect(addWorkingDays('2026-12-25', 0)).toBe('2026-12-25');
  });

  it('is the inverse of workingDaysBetween, landing on the first date that reaches the count', () => {
    let seed = 20_260_101;
    const next = (bound: number) => {
      seed = (seed * 48_271) % 2_147_483_647;
      return seed % bound;
    };
    for (let i = 0; i < 25; i++) {
      const from = new Date(Date.UTC(2025, 0, 1 + next(4 * 365))).toISOString().slice(0, 10);
      const days = 1 + next(700);
      const to = addWorkingDays(from, days);
      expect({ from, days, counted: workingDaysBetween(from, to), landsOnWorkingDay: isWorkingDay(to) }).toEqual({
        from,
        days,
        counted: days,
        landsOnWorkingDay: true,
      });
    }
  });

  it.each([-1, 1.5, Number.NaN])('rejects %p days', (days) => {
    expect(() => addWorkingDays('2026-12-23', days)).toThrow(RangeError);
  });
});

describe('malformed dates', () => {
  it.each(['2026-2-03', '26-02-03', '2026-02-30', '2026-13-01', '2026-02-03T00:00:00Z', '0050-01-01', ''])('rejects %p', (date) => {
    expect(() => isWorkingDay(date)).toThrow(`Expected a calendar date as 'YYYY-MM-DD', got '${date}'`);
    expect(() => workingDaysBetween('2026-01-01', date)).toThrow(/YYYY-MM-DD/);
    expect(() => addWorkingDays(date, 1)).toThrow(/YYYY-MM-DD/);
  });
});
