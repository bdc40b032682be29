import type {
  PlacementCancellationReasonName, StructureRefusalReasonName, StructureTypeName,
} from '@passerelle/contracts';
import { EntryWindow, fitsWindow } from './entry-window';
import { HousingConflictError, HousingRuleError } from './housing-errors';
import { Booking, Pool } from './occupancy';

export type PlacementStatus = 'proposed' | 'refused' | 'declined' | 'confirmed' | 'cancelled' | 'entered' | 'no_show';

export interface PlacementState {
  id: string;
  requestId: string;
  structureId: string;
  structureType: StructureTypeName;
  /** The session whose orientation this answers: a structure answers each orientation once. */
  orientationSessionId: string;
  status: PlacementStatus;
  places: number;
  entryDate?: string;
  pool?: Pool;
  refusalReason?: StructureRefusalReasonName;
  cancellationReason?: PlacementCancellationReasonName;
  enteredOn?: string;
  /** The release date moved and the entry date no longer fits: the structure must act. */
  flagged: boolean;
}

export type PlacementChange =
  | { kind: 'Proposed' }
  | { kind: 'RefusedByStructure'; reason: StructureRefusalReasonName }
  | { kind: 'DeclinedByPerson' }
  | { kind: 'Confirmed' }
  | { kind: 'Cancelled'; reason: PlacementCancellationReasonName }
  | { kind: 'Entered'; enteredOn: string }
  | { kind: 'NoShow' }
  | { kind: 'Flagged'; window: EntryWindow }
  | { kind: 'FlagCleared' };

type NewPlacement = Pick<PlacementState, 'id' | 'requestId' | 'structureId' | 'structureType' | 'orientationSessionId' | 'places'>;

/**
 * A structure's answer to an orientation and what follows: pre-admitted with an entry date, then
 * confirmed (the place is booked) and entered, or refused by the structure, declined by the person,
 * cancelled, or no-show. Refused by the structure and declined by the person are kept apart.
 */
export class Placement {
  private constructor(private readonly state: PlacementState) {}

  static restore(state: PlacementState): Placement {
    return new Placement(state);
  }

  static propose(placement: NewPlacement, entryDate: string, window: EntryWindow, today: string): { placement: Placement; change: PlacementChange } {
    assertEntryDate(entryDate, window, today);
    return { placement: new Placement({ ...placement, status: 'proposed', entryDate, flagged: false }), change: { kind: 'Proposed' } };
  }

  static refuse(placement: NewPlacement, reason: StructureRefusalReasonName): { placement: Placement; change: PlacementChange } {
    return { placement: new Placement({ ...placement, status: 'refused', refusalReason: reason, flagged: false }), change: { kind: 'RefusedByStructure', reason } };
  }

  snapshot(): PlacementState {
    return this.state;
  }

  get isOpen(): boolean {
    return this.state.status === 'proposed' || this.state.status === 'confirmed';
  }

  /** The place it holds, while confirmed or lived in. */
  booking(): Booking | undefined {
    const { status, entryDate, pool } = this.state;
    if ((status !== 'confirmed' && status !== 'entered') || !entryDate || !pool) return undefined;
    return { placementId: this.state.id, structureId: this.state.structureId, from: entryDate, places: this.state.places, pool };
  }

  /** Books the place, if the entry date still fits the release as it is now and has not passed. */
  confirm(pool: Pool, window: EntryWindow, today: string): PlacementChange {
    this.require('proposed', 'confirmed');
    assertEntryDate(this.state.entryDate!, window, today);
    Object.assign(this.state, { status: 'confirmed', pool });
    return { kind: 'Confirmed' };
  }

  declineByPerson(): PlacementChange {
    this.require('proposed', 'declined');
    this.state.status = 'declined';
    return { kind: 'DeclinedByPerson' };
  }

  cancel(reason: PlacementCancellationReasonName): PlacementChange[] {
    if (!this.isOpen) return [];
    Object.assign(this.state, { status: 'cancelled', cancellationReason: reason, pool: undefined });
    return [{ kind: 'Cancelled', reason }];
  }

  /** The person arrived: after their release, and not in the future. */
  enter(enteredOn: string, expectedReleaseDate: string, today: string): PlacementChange {
    this.require('confirmed', 'entered');
    if (enteredOn > today) throw HousingRuleError.of('enteredOn', 'notInTheFuture', `enteredOn must not be after today (${today})`);
    if (enteredOn < expectedReleaseDate) {
      throw HousingRuleError.of('enteredOn', 'afterRelease', `enteredOn must not be before the release (${expectedReleaseDate})`);
    }
    Object.assign(this.state, { status: 'entered', enteredOn, flagged: false });
    return { kind: 'Entered', enteredOn };
  }

  /**
   * The day came and went without the person: the place is given back. Not while the entry date no
   * longer fits a moved release (the person may still be in prison), nor before the release.
   */
  noShow(today: string, expectedReleaseDate: string): PlacementChange {
    this.require('confirmed', 'marked no-show');
    const lastDay = this.state.entryDate! > expectedReleaseDate ? this.state.entryDate! : expectedReleaseDate;
    if (this.state.flagged || today <= lastDay) {
      throw HousingRuleError.of('entryDate', 'hasPassed', `a no-show is recorded after the entry date and the release (${lastDay})`);
    }
    Object.assign(this.state, { status: 'no_show', pool: undefined });
    return { kind: 'NoShow' };
  }

  /** After a release date change: flagged when the confirmed entry no longer fits, cleared when it fits again. */
  checkWindow(window: EntryWindow): PlacementChange[] {
    if (this.state.status !== 'confirmed') return [];
    const outside = !fitsWindow(this.state.entryDate!, window);
    if (outside === this.state.flagged) return [];
    this.state.flagged = outside;
    return [outside ? { kind: 'Flagged', window } : { kind: 'FlagCleared' }];
  }

  private require(status: PlacementStatus, action: string): void {
    if (this.state.status !== status) throw HousingConflictError.notAllowed('placement', this.state.status, action);
  }
}

function assertEntryDate(entryDate: string, window: EntryWindow, today: string): void {
  if (entryDate < today) throw HousingRuleError.of('entryDate', 'notInThePast', `entryDate must not be before today (${today})`);
  if (!fitsWindow(entryDate, window)) {
    throw HousingRuleError.of('entryDate', 'insideReleaseWindow', `entryDate must fall between the release (${window.from}) and ${window.to}`);
  }
}
