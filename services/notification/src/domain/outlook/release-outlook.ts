import { CalendarDate } from '@passerelle/domain-kernel';
import { OutlookWeek, outlookWeeks } from './outlook-weeks';

/**
 * What a placement's latest event says of it: confirmed (a place is booked for the person, even
 * when flagged because the release moved), entered (the person lives there), or ended (cancelled,
 * declined, no-show: the place was given back).
 */
export type PlacementStanding = 'confirmed' | 'entered' | 'ended';

/** The standings under which a placement holds a place, for the person and in its structure. */
export const HOLDS_PLACE: readonly PlacementStanding[] = ['confirmed', 'entered'];

/** One detention bound for the département, as the release calendar last told it. No one's identity. */
export interface ExpectedRelease {
  expectedOn: CalendarDate;
  /** Set once the person left prison. */
  releasedOn?: CalendarDate;
  /** The standing of each placement known for the person. */
  placements: PlacementStanding[];
}

/** One structure's places fléchées justice, from its latest `capacity.changed` on or before today. */
export interface ReservedPlaces {
  /** The day those figures are of. */
  asOf: CalendarDate;
  reserved: number;
  occupied: number;
  /** Reserved places neither held nor out of service on `asOf`; absent in figures recorded before it was kept. */
  freeJustice?: number;
  /** Entry dates of the placements holding one of the structure's places (confirmed or entered). */
  bookedFrom: CalendarDate[];
}

export interface OutlookWeekFigures extends OutlookWeek {
  releasesExpected: number;
  releasesWithoutPlacement: number;
  reservedPlacesFree: number;
  /** releasesWithoutPlacement − reservedPlacesFree: positive when places are missing. */
  gap: number;
}

const within = (day: CalendarDate, week: OutlookWeek) => week.weekStart <= day && day <= week.weekEnd;

/** Still in prison, expected out during the week. */
export function isExpectedIn(release: ExpectedRelease, week: OutlookWeek): boolean {
  return release.releasedOn === undefined && within(release.expectedOn, week);
}

/** No placement holds a place for the person: each one is ended, or there is none. */
export function isWithoutPlacement(release: ExpectedRelease): boolean {
  return !release.placements.some((standing) => HOLDS_PLACE.includes(standing));
}

/**
 * The structure's reserved places free in the week: free on its Sunday. A stay has no planned end
 * (housing-placement books a place from the entry date on, open-ended) and nobody's departure is
 * known, so a place only gets taken as weeks pass: one free on the Sunday is free on every day of
 * the week and after, for anyone released that week. From the latest figures, each placement
 * booked from a later day up to that Sunday takes one more place, as housing-placement takes
 * reserved places first for people leaving prison. A household of several takes one place here:
 * the events do not carry its size.
 */
export function freeInWeek(structure: ReservedPlaces, week: OutlookWeek): number {
  const freeOnFigures = structure.freeJustice ?? Math.max(0, structure.reserved - structure.occupied);
  const bookedSince = structure.bookedFrom.filter((day) => structure.asOf < day && day <= week.weekEnd).length;
  return Math.max(0, freeOnFigures - bookedSince);
}

/**
 * A département's outlook for the weeks from the one holding `today`. Each week stands alone: a
 * place free in week 1 and still free in week 2 counts in both, so gaps of several weeks do not add up.
 */
export function outlookOf(today: CalendarDate, releases: ExpectedRelease[], structures: ReservedPlaces[]): OutlookWeekFigures[] {
  return outlookWeeks(today).map((week) => {
    const expected = releases.filter((release) => isExpectedIn(release, week));
    const releasesWithoutPlacement = expected.filter(isWithoutPlacement).length;
    const reservedPlacesFree = structures.reduce((sum, structure) => sum + freeInWeek(structure, week), 0);
    return {
      ...week, releasesExpected: expected.length, releasesWithoutPlacement, reservedPlacesFree, gap: releasesWithoutPlacement - reservedPlacesFree,
    };
  });
}

const FIELDS = ['weekStart', 'weekEnd', 'releasesExpected', 'releasesWithoutPlacement', 'reservedPlacesFree', 'gap'] as const;

/** Two outlooks tell the same: same weeks, same figures. */
export function sameOutlook(a: OutlookWeekFigures[], b: OutlookWeekFigures[]): boolean {
  return a.length === b.length && a.every((week, index) => FIELDS.every((field) => week[field] === b[index][field]));
}
