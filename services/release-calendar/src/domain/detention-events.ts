import type { DetentionState } from './detention';
import type { CalendarFact } from './release-schedule';

export interface DetentionRegistered {
  kind: 'DetentionRegistered';
  detention: DetentionState;
  registeredAt: Date;
}

export interface ReleaseDateChanged {
  kind: 'ReleaseDateChanged';
  detention: DetentionState;
  previousReleaseDate: string;
  reason: string;
  changedAt: Date;
}

/** The passing of days (or a moved date) made one calendar fact true: window, milestone, LSC notice. */
export interface CalendarReached {
  kind: 'CalendarReached';
  detention: DetentionState;
  fact: CalendarFact;
}

export interface PersonReleased {
  kind: 'PersonReleased';
  detention: DetentionState;
  releasedOn: string;
}

export interface PersonTransferred {
  kind: 'PersonTransferred';
  detention: DetentionState;
  fromEstablishmentCode: string;
  previousSpipDepartement: string;
  transferredOn: string;
}

export type DetentionEvent = DetentionRegistered | ReleaseDateChanged | CalendarReached | PersonReleased | PersonTransferred;
