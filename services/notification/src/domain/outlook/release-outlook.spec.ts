import { ExpectedRelease, freeInWeek, isWithoutPlacement, outlookOf, ReservedPlaces, sameOutlook } from './release-outlook';

const TODAY = '2026-03-25';
const release = (expectedOn: string, overrides: Partial<ExpectedRelease> = {}): ExpectedRelease => ({ expectedOn, placements: [], ...overrides });
const structure = (overrides: Partial<ReservedPlaces> = {}): ReservedPlaces => ({ asOf: TODAY, reserved: 3, occupied: 1, freeJustice: 2, bookedFrom: [], ...overrides });

describe('the 12-week outlook', () => {
  it('counts each person still in prison in the week of their expected release, the current week from its Monday', () => {
    const weeks = outlookOf(TODAY, [release('2026-03-23'), release('2026-03-29'), release('2026-03-30'), release('2026-06-14'), release('2026-06-15'), release('2026-03-22')], []);
    expect(weeks.map((week) => week.releasesExpected)).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('leaves out a person already released, even before the expected date', () => {
    const weeks = outlookOf(TODAY, [release('2026-04-01', { releasedOn: '2026-03-24' })], []);
    expect(weeks.every((week) => week.releasesExpected === 0)).toBe(true);
  });

  it('counts as without placement a person none of whose placements still holds a place', () => {
    expect(isWithoutPlacement(release(TODAY))).toBe(true);
    expect(isWithoutPlacement(release(TODAY, { placements: ['ended', 'ended'] }))).toBe(true);
    expect(isWithoutPlacement(release(TODAY, { placements: ['ended', 'confirmed'] }))).toBe(false);
    expect(isWithoutPlacement(release(TODAY, { placements: ['entered'] }))).toBe(false);
    const [week] = outlookOf(TODAY, [release(TODAY), release(TODAY, { placements: ['confirmed'] })], []);
    expect(week).toMatchObject({ releasesExpected: 2, releasesWithoutPlacement: 1 });
  });

  it('counts a structure\'s reserved places free on the figures\' day, less each place booked from a later day up to the week\'s Sunday', () => {
    const booked = structure({ bookedFrom: ['2026-03-25', '2026-03-29', '2026-04-02', '2026-08-01'] });
    const weeks = outlookOf(TODAY, [], [booked]);
    // 25 March is in the figures already; 29 March takes a place in week 1, 2 April the last one in week 2.
    expect(weeks.map((week) => week.reservedPlacesFree).slice(0, 3)).toEqual([1, 0, 0]);
    expect(freeInWeek(structure({ freeJustice: 0, reserved: 5, occupied: 1 }), weeks[0])).toBe(0);
  });

  it('falls back on reserved less occupied for figures recorded before the free ones were kept', () => {
    const [week] = outlookOf(TODAY, [], [structure({ freeJustice: undefined, reserved: 4, occupied: 1 }), structure({ freeJustice: undefined, reserved: 1, occupied: 2 })]);
    expect(week.reservedPlacesFree).toBe(3);
  });

  it('gives the gap as people without placement less free places: positive when places are missing', () => {
    const weeks = outlookOf(TODAY, [release('2026-03-26'), release('2026-03-27'), release('2026-03-28'), release('2026-04-01', { placements: ['confirmed'] })], [structure()]);
    expect(weeks[0]).toEqual({ weekStart: '2026-03-23', weekEnd: '2026-03-29', releasesExpected: 3, releasesWithoutPlacement: 3, reservedPlacesFree: 2, gap: 1 });
    expect(weeks[1]).toMatchObject({ releasesExpected: 1, releasesWithoutPlacement: 0, reservedPlacesFree: 2, gap: -2 });
  });

  it('tells two outlooks apart by their figures, not by how their fields were ordered', () => {
    const weeks = outlookOf(TODAY, [release(TODAY)], [structure()]);
    const reordered = weeks.map(({ gap, weekEnd, ...rest }) => ({ gap, ...rest, weekEnd }));
    expect(sameOutlook(weeks, reordered)).toBe(true);
    expect(sameOutlook(weeks, outlookOf(TODAY, [], [structure()]))).toBe(false);
    expect(sameOutlook(weeks, outlookOf('2026-03-30', [release(TODAY)], [structure()]))).toBe(false);
  });
});
