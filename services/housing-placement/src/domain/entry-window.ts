import { addDays } from '@passerelle/domain-kernel';

/**
 * Days after the expected release within which an entry still counts as prepared: from the release
 * day itself (the person is in prison before it) to two weeks later, covered meanwhile by the 115.
 */
export const ENTRY_WINDOW_DAYS = 15;

/** A release this close (or already past) may take a place volante. */
export const EMERGENCY_WITHIN_DAYS = 7;

export interface EntryWindow {
  from: string;
  to: string;
}

export function entryWindowOf(expectedReleaseDate: string): EntryWindow {
  return { from: expectedReleaseDate, to: addDays(expectedReleaseDate, ENTRY_WINDOW_DAYS) };
}

export function fitsWindow(entryDate: string, window: EntryWindow): boolean {
  return window.from <= entryDate && entryDate <= window.to;
}
