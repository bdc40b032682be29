import { addDays, addMonths, addYears, CalendarDate, earliest, isOnOrBefore } from '@passerelle/domain-kernel';
import { DepartementSettings } from './departement-settings';

/** What a detention's calendar has already announced, so that nothing is announced twice. */
export interface CalendarProgress {
  windowOpen: boolean;
  /** Days-before of the milestones announced for the current release date. */
  milestonesReached: number[];
  lscReviewAnnounced: boolean;
}

export const NOTHING_ANNOUNCED: CalendarProgress = { windowOpen: false, milestonesReached: [], lscReviewAnnounced: false };

export type CalendarFact =
  | { kind: 'WindowOpened'; on: CalendarDate; opensOn: CalendarDate }
  | { kind: 'WindowClosed'; on: CalendarDate; opensOn: CalendarDate }
  | { kind: 'ReleaseApproaching'; on: CalendarDate; daysBefore: number }
  | { kind: 'LscReviewDue'; on: CalendarDate; reviewOn: CalendarDate };

const LSC_MAX_SENTENCE_YEARS = 2;
const LSC_RELIQUAT_MONTHS = 3;
const LSC_NOTICE_MONTHS = 1;

/**
 * The dates that matter before one expected release, under one département's settings, and
 * what a given day makes true. Pure: the same progress and day always give the same facts,
 * which is what lets registering, moving dates, importing and sweeping run in any order.
 */
export class ReleaseSchedule {
  readonly windowOpensOn: CalendarDate;

  /** `sentenceEndDate`: the end of the sentence as pronounced; the expected release when unknown. */
  constructor(
    readonly incarcerationDate: CalendarDate,
    readonly releaseDate: CalendarDate,
    private readonly settings: DepartementSettings,
    readonly sentenceEndDate: CalendarDate = releaseDate,
  ) {
    this.windowOpensOn = addMonths(releaseDate, -settings.windowMonths);
  }

  milestones(): { daysBefore: number; on: CalendarDate }[] {
    return this.settings.milestoneDays.map((daysBefore) => ({ daysBefore, on: addDays(this.releaseDate, -daysBefore) }));
  }

  /**
   * Automatic LSC is examined when the reliquat reaches 3 months for a total sentence of at most
   * 2 years, and the person is told at least a month before: the review is due from then. The
   * total sentence runs from incarceration to the end of sentence.
   */
  lscReview(): { reviewOn: CalendarDate; announceOn: CalendarDate } | undefined {
    if (addYears(this.incarcerationDate, LSC_MAX_SENTENCE_YEARS) < this.sentenceEndDate) return undefined;
    const reviewOn = addMonths(this.releaseDate, -LSC_RELIQUAT_MONTHS);
    return { reviewOn, announceOn: addMonths(reviewOn, -LSC_NOTICE_MONTHS) };
  }

  /** Everything `today` makes true that was not announced yet, in date order, and the new progress. */
  advance(progress: CalendarProgress, today: CalendarDate): { progress: CalendarProgress; facts: CalendarFact[] } {
    const facts: CalendarFact[] = [];
    const next: CalendarProgress = { ...progress, milestonesReached: [...progress.milestonesReached] };
    const insideWindow = isOnOrBefore(this.windowOpensOn, today);
    if (insideWindow && !next.windowOpen) {
      facts.push({ kind: 'WindowOpened', on: this.windowOpensOn, opensOn: this.windowOpensOn });
      next.windowOpen = true;
    } else if (!insideWindow && next.windowOpen) {
      facts.push({ kind: 'WindowClosed', on: today, opensOn: this.windowOpensOn });
      next.windowOpen = false;
    }
    for (const milestone of this.milestones()) {
      if (isOnOrBefore(milestone.on, today) && !next.milestonesReached.includes(milestone.daysBefore)) {
        facts.push({ kind: 'ReleaseApproaching', on: milestone.on, daysBefore: milestone.daysBefore });
        next.milestonesReached.push(milestone.daysBefore);
      }
    }
    const lsc = this.lscReview();
    if (lsc && isOnOrBefore(lsc.announceOn, today) && !next.lscReviewAnnounced) {
      facts.push({ kind: 'LscReviewDue', on: lsc.announceOn, reviewOn: lsc.reviewOn });
      next.lscReviewAnnounced = true;
    }
    return { progress: next, facts: facts.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)) };
  }

  /**
   * After the release date moved: milestones and the LSC notice still in the future on the new
   * schedule are forgotten, to be announced again when their new day comes. The window's state
   * is kept: `advance` closes or reopens it.
   */
  rebase(progress: CalendarProgress, today: CalendarDate): CalendarProgress {
    const passed = new Set(this.milestones().filter((m) => isOnOrBefore(m.on, today)).map((m) => m.daysBefore));
    const lsc = this.lscReview();
    return {
      windowOpen: progress.windowOpen,
      milestonesReached: progress.milestonesReached.filter((daysBefore) => passed.has(daysBefore)),
      lscReviewAnnounced: progress.lscReviewAnnounced && lsc !== undefined && isOnOrBefore(lsc.announceOn, today),
    };
  }

  /** The next day on which `advance` has something to announce, for the daily sweep's index. */
  nextDueOn(progress: CalendarProgress): CalendarDate | undefined {
    const pending: CalendarDate[] = [];
    if (!progress.windowOpen) pending.push(this.windowOpensOn);
    pending.push(...this.milestones().filter((m) => !progress.milestonesReached.includes(m.daysBefore)).map((m) => m.on));
    const lsc = this.lscReview();
    if (lsc && !progress.lscReviewAnnounced) pending.push(lsc.announceOn);
    return earliest(pending);
  }
}
