import { outlookView } from './outlook';

describe('the 12-week outlook', () => {
  const week = (weekStart: string, weekEnd: string, releasesWithoutPlacement: number, reservedPlacesFree: number) => ({
    weekStart, weekEnd, releasesExpected: releasesWithoutPlacement + 2, releasesWithoutPlacement, reservedPlacesFree, gap: releasesWithoutPlacement - reservedPlacesFree,
  });

  it('orders the weeks and says each gap in words', () => {
    const view = outlookView({
      departement: '13',
      asOf: '2026-12-03',
      weeks: [week('2026-12-14', '2026-12-20', 1, 3), week('2026-12-07', '2026-12-13', 5, 2), week('2026-12-21', '2026-12-27', 2, 2)],
    });
    expect(view.rows.map((row) => [row.axisLabel, row.gapText, row.missing])).toEqual([
      ['07/12', 'Manque 3 places', true],
      ['14/12', 'Places suffisantes (2 places libres en plus)', false],
      ['21/12', 'Places suffisantes (tout juste)', false],
    ]);
    expect(view.rows[0].label).toBe('du 7 décembre 2026 au 13 décembre 2026');
  });

  it('counts the weeks that lack places and finds the one missing the most, gaps never summed', () => {
    const view = outlookView({ departement: '13', asOf: '2026-12-03', weeks: [week('2026-12-07', '2026-12-13', 2, 1), week('2026-12-14', '2026-12-20', 4, 0), week('2026-12-21', '2026-12-27', 0, 5)] });
    expect([view.weeksMissing, view.worst?.weekStart, view.worst?.gap]).toEqual([2, '2026-12-14', 4]);
    expect(view.rows[0].gapText).toBe('Manque 1 place');
  });
});
