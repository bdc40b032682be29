import { entryWindowOf, EntryWindow } from '../domain/entry-window';
import { HousingRequestState } from '../domain/housing-request';
import { PlacementState } from '../domain/placement';
import { consentCovers } from '../domain/request-file';
import { daysToRelease, waitingDays } from '../domain/review-queue';

export interface HousingRequestView extends HousingRequestState {
  daysToRelease: number;
  waitingDays: number;
  entryWindow: EntryWindow;
  orientationValidUntil?: string;
  placements?: PlacementState[];
}

export function requestViewOf(state: HousingRequestState, today: string, placements?: PlacementState[]): HousingRequestView {
  return {
    ...state, daysToRelease: daysToRelease(state, today), waitingDays: waitingDays(state, today), entryWindow: entryWindowOf(state.expectedReleaseDate),
    ...(placements ? { placements } : {}),
  };
}

/**
 * What a host structure may know of a request oriented to it: what the place must fit and the
 * commission's préconisation. No person id, no SPIP, no detention, nothing about the offence;
 * the care-continuity flag only when the consent names health partners.
 */
export interface StructureRequestView {
  requestId: string;
  siaoDepartement: string;
  status: HousingRequestState['status'];
  expectedReleaseDate: string;
  entryWindow: EntryWindow;
  household: HousingRequestState['file']['household'];
  needs: HousingRequestState['file']['needs'];
  resources: HousingRequestState['file']['resources'];
  rightsToReopen: HousingRequestState['file']['rightsToReopen'];
  careContinuity?: boolean;
  orientation: NonNullable<HousingRequestState['orientation']>;
  placements: PlacementState[];
}

export function structureViewOf(state: HousingRequestState, placements: PlacementState[]): StructureRequestView {
  const { file } = state;
  return {
    requestId: state.id, siaoDepartement: state.siaoDepartement, status: state.status, expectedReleaseDate: state.expectedReleaseDate,
    entryWindow: entryWindowOf(state.expectedReleaseDate), household: file.household, needs: file.needs, resources: file.resources,
    rightsToReopen: file.rightsToReopen, ...(consentCovers(file, 'health_partners') ? { careContinuity: file.careContinuity } : {}),
    orientation: state.orientation!, placements,
  };
}
