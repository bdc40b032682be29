import { addDays, CalendarDate } from '@passerelle/domain-kernel';
import { DEFAULT_DEPARTEMENT_SETTINGS, departementSettings, InvalidSettingsError } from './departement-settings';
import { CalendarFact, CalendarProgress, NOTHING_ANNOUNCED, ReleaseSchedule } from './release-schedule';

const schedule = (release: CalendarDate, incarceration = '2024-01-10', settings = DEFAULT_DEPARTEMENT_SETTINGS) =>
  new ReleaseSchedule(incarceration, release, settings);

const kinds = (facts: CalendarFact[]) => facts.map((f) => (f.kind === 'ReleaseApproaching' ? `J-${f.daysBefore}` : f.kind));

/** Runs the schedule day by day from `from` to `to`, as the daily sweep would. */
function sweepDaily(s: ReleaseSchedule, from: CalendarDate, to: CalendarDate, progress = NOTHING_ANNOUNCED) {
  const facts: CalendarFact[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const step = s.advance(progress, day);
    progress = step.progress;
    facts.push(...step.facts);
  }
  return { progress, facts };
}

describe('ReleaseSchedule', () => {
  it('opens the window on the day the reliquat reaches the threshold, calendar months in mind', () => {
    const s = schedule('2027-08-31');
    expect(s.windowOpensOn).toBe('2027-02-28');
    expect(s.advance(NOTHING_ANNOUNCED, '2027-02-27').facts).toEqual([]);
    expect(s.advance(NOTHING_ANNOUNCED, '2027-02-28').facts).toEqual([{ kind: 'WindowOpened', on: '2027-02-28', opensOn: '2027-02-28' }]);
  });

  it('uses 29 February in a leap year', () => {
    expect(schedule('2028-08-31').windowOpensOn).toBe('2028-02-29');
  });

  it('follows the département’s window length', () => {
    expect(schedule('2027-08-31', '2024-01-10', departementSettings(3, [30])).windowOpensOn).toBe('2027-05-31');
  });

  it('announces the window once and each milestone once, in date order, day after day', () => {
    const { facts } = sweepDaily(schedule('2027-06-30'), '2026-12-01', '2027-07-15');
    expect(kinds(facts)).toEqual(['WindowOpened', 'J-90', 'J-30', 'J-7', 'J-1']);
    expect(facts.map((f) => f.on)).toEqual(['2026-12-30', '2027-04-01', '2027-05-31', '2027-06-23', '2027-06-29']);
  });

  it('catches up after days without a sweep: everything that passed, once each, in date order', () => {
    const s = schedule('2027-06-30');
    const before = sweepDaily(s, '2027-05-01', '2027-05-29').progress;
    const afterOutage = s.advance(before, '2027-06-24');
    expect(kinds(afterOutage.facts)).toEqual(['J-30', 'J-7']);
    expect(s.advance(afterOutage.progress, '2027-06-24').facts).toEqual([]);
  });

  it('opens at once, with the passed milestones, for a short sentence that starts inside the window', () => {
    const s = schedule('2027-01-20', '2026-11-20');
    expect(kinds(s.advance(NOTHING_ANNOUNCED, '2026-11-23').facts)).toEqual(['WindowOpened', 'LscReviewDue', 'J-90']);
  });

  it('announces the LSC review a month before the reliquat reaches 3 months, for sentences up to 2 years', () => {
    const short = schedule('2027-09-30', '2026-01-15');
    expect(short.lscReview()).toEqual({ reviewOn: '2027-06-30', announceOn: '2027-05-30' });
    expect(kinds(short.advance({ ...NOTHING_ANNOUNCED, windowOpen: true, milestonesReached: [] }, '2027-05-30').facts)).toEqual(['LscReviewDue']);
    expect(schedule('2027-09-30', '2025-09-29').lscReview()).toBeUndefined();
    const longSentenceReleasedEarly = new ReleaseSchedule('2026-01-15', '2027-03-31', DEFAULT_DEPARTEMENT_SETTINGS, '2028-06-30');
    expect(longSentenceReleasedEarly.lscReview()).toBeUndefined();
  });

  it('closes the window when the date moves away, and opens it again when it comes back', () => {
    const today = '2027-03-01';
    const opened = schedule('2027-06-30').advance(NOTHING_ANNOUNCED, today);
    const later = schedule('2027-12-31');
    const moved = later.advance(later.rebase(opened.progress, today), today);
    expect(kinds(moved.facts)).toEqual(['WindowClosed']);
    expect(moved.progress).toEqual({ windowOpen: false, milestonesReached: [], lscReviewAnnounced: false });
    const back = schedule('2027-06-30');
    expect(kinds(back.advance(back.rebase(moved.progress, today), today).facts)).toEqual(['WindowOpened']);
  });

  it('announces again a milestone whose new day is still to come after the date moved later', () => {
    const today = '2027-06-01';
    const s = schedule('2027-06-30');
    const reached: CalendarProgress = s.advance(NOTHING_ANNOUNCED, today).progress;
    expect(reached.milestonesReached).toEqual([90, 30]);
    const later = schedule('2027-07-20');
    const rebased = later.rebase(reached, today);
    expect(rebased.milestonesReached).toEqual([90]);
    expect(later.nextDueOn(rebased)).toBe('2027-06-20');
  });

  it('announces at once milestones a date moved earlier has already passed', () => {
    const today = '2027-06-01';
    const s = schedule('2027-08-30');
    const progress = s.advance(NOTHING_ANNOUNCED, today).progress;
    const earlier = schedule('2027-06-05');
    expect(kinds(earlier.advance(earlier.rebase(progress, today), today).facts)).toEqual(['J-30', 'J-7']);
  });

  it('names the next day something is due, and none once all is announced', () => {
    const s = schedule('2027-06-30', '2020-01-01');
    expect(s.nextDueOn(NOTHING_ANNOUNCED)).toBe('2026-12-30');
    const all = sweepDaily(s, '2026-12-01', '2027-06-30').progress;
    expect(s.nextDueOn(all)).toBeUndefined();
  });
});

describe('departementSettings', () => {
  it('sorts milestones from the farthest and refuses nonsense', () => {
    expect(departementSettings(4, [7, 90, 30])).toEqual({ windowMonths: 4, milestoneDays: [90, 30, 7] });
    expect(() => departementSettings(0, [30])).toThrow(InvalidSettingsError);
    expect(() => departementSettings(6, [30, 30])).toThrow(/distinct/);
    expect(() => departementSettings(6, [0])).toThrow(/milestoneDays/);
  });
});
