import { CalendarDate } from '@passerelle/domain-kernel';
import { DepartementSettings } from './departement-settings';
import { DetentionEvent } from './detention-events';
import { DetentionNotIncarceratedError, FutureReleaseError, ReleaseBeforeIncarcerationError, UnchangedReleaseDateError } from './detention.errors';
import { CalendarProgress, NOTHING_ANNOUNCED, ReleaseSchedule } from './release-schedule';

export type ReleaseKind = 'end_of_sentence' | 'lsc' | 'liberation_conditionnelle' | 'placement_exterieur' | 'semi_liberte' | 'ddse';
export type DetentionStatus = 'incarcerated' | 'released' | 'transferred';

/** Identity as the prison registry gives it; it leaves this service only where the SIAO needs it. */
export interface Identity {
  lastName: string;
  firstNames: string;
  birthDate: string;
}

export interface DetentionState {
  id: string;
  personId: string;
  identity: Identity;
  ecrou: string;
  establishmentCode: string;
  establishmentName: string;
  spipDepartement: string;
  destinationDepartement: string;
  incarcerationDate: string;
  /** End of the sentence as pronounced, when the registry gives it (LSC needs the total sentence). */
  sentenceEndDate?: string;
  expectedReleaseDate: string;
  expectedReleaseKind: ReleaseKind;
  status: DetentionStatus;
  /** What the calendar has announced for the current release date. */
  progress: CalendarProgress;
}

export type NewDetention = Omit<DetentionState, 'status' | 'destinationDepartement' | 'progress'> & { destinationDepartement?: string };

export interface Transfer {
  establishmentCode: string;
  establishmentName: string;
  ecrou: string;
  spipDepartement?: string;
  destinationDepartement?: string;
}

/** "Now" as both an instant (for event times) and the Europe/Paris calendar day (for the rules). */
export interface Today {
  now: Date;
  date: CalendarDate;
}

/** A person's time in one prison, from incarceration to release (calendar dates, Europe/Paris). */
export class Detention {
  private constructor(private readonly state: DetentionState) {}

  /** Registers a detention; a short sentence already inside the window opens it at once. */
  static register(input: NewDetention, today: Today, settings: DepartementSettings): { detention: Detention; events: DetentionEvent[] } {
    if (input.expectedReleaseDate < input.incarcerationDate) {
      throw new ReleaseBeforeIncarcerationError(input.incarcerationDate, input.expectedReleaseDate);
    }
    if (input.sentenceEndDate && input.sentenceEndDate < input.incarcerationDate) {
      throw new ReleaseBeforeIncarcerationError(input.incarcerationDate, input.sentenceEndDate, 'sentenceEndDate');
    }
    const detention = new Detention({
      ...input,
      // The SIAO of the SPIP's département handles the request unless another territory is chosen.
      destinationDepartement: input.destinationDepartement ?? input.spipDepartement,
      status: 'incarcerated',
      progress: NOTHING_ANNOUNCED,
    });
    const registered: DetentionEvent = { kind: 'DetentionRegistered', detention: detention.snapshot(), registeredAt: today.now };
    return { detention, events: [registered, ...detention.advanceCalendar(today.date, settings)] };
  }

  /**
   * Moves the expected release date, in either direction: milestones still ahead on the new
   * date will be announced again, and the window closes or reopens as the new date says.
   */
  changeReleaseDate(newDate: CalendarDate, reason: string, today: Today, settings: DepartementSettings): DetentionEvent[] {
    if (this.state.status !== 'incarcerated') throw new DetentionNotIncarceratedError(this.state.status);
    if (newDate < this.state.incarcerationDate) throw new ReleaseBeforeIncarcerationError(this.state.incarcerationDate, newDate);
    if (newDate === this.state.expectedReleaseDate) throw new UnchangedReleaseDateError(newDate);
    const previousReleaseDate = this.state.expectedReleaseDate;
    this.state.expectedReleaseDate = newDate;
    this.state.progress = this.schedule(settings).rebase(this.state.progress, today.date);
    const changed: DetentionEvent = { kind: 'ReleaseDateChanged', detention: this.snapshot(), previousReleaseDate, reason, changedAt: today.now };
    return [changed, ...this.advanceCalendar(today.date, settings)];
  }

  /**
   * A registry export's row for this detention: its release date moves (with events) when it
   * differs, the other facts are corrected in place. A row that changes nothing returns no events
   * and `changed: false`, so a nightly re-import stays silent.
   */
  reconcile(row: NewDetention, reason: string, today: Today, settings: DepartementSettings): { changed: boolean; events: DetentionEvent[] } {
    const before = JSON.stringify(this.snapshot());
    const { expectedReleaseDate, destinationDepartement, personId: _ignoredId, id: _ignoredDetention, ...facts } = row;
    Object.assign(this.state, facts, { identity: { ...row.identity } });
    if (destinationDepartement) this.state.destinationDepartement = destinationDepartement;
    const events = this.state.status === 'incarcerated' && expectedReleaseDate !== this.state.expectedReleaseDate
      ? this.changeReleaseDate(expectedReleaseDate, reason, today, settings)
      : [];
    return { changed: JSON.stringify(this.snapshot()) !== before, events };
  }

  /** The person left prison, on a day not after today and not before incarceration. */
  release(releasedOn: CalendarDate, kind: ReleaseKind, today: Today): DetentionEvent[] {
    if (this.state.status !== 'incarcerated') throw new DetentionNotIncarceratedError(this.state.status);
    if (releasedOn < this.state.incarcerationDate) throw new ReleaseBeforeIncarcerationError(this.state.incarcerationDate, releasedOn, 'releasedOn');
    if (releasedOn > today.date) throw new FutureReleaseError(releasedOn);
    this.state.status = 'released';
    this.state.expectedReleaseDate = releasedOn;
    this.state.expectedReleaseKind = kind;
    return [{ kind: 'PersonReleased', detention: this.snapshot(), releasedOn }];
  }

  /** This very release is already recorded: a report sent twice changes nothing. */
  isReleasedAs(releasedOn: CalendarDate, kind: ReleaseKind): boolean {
    return this.state.status === 'released' && this.state.expectedReleaseDate === releasedOn && this.state.expectedReleaseKind === kind;
  }

  /**
   * Another prison, maybe another SPIP: the detention (and the SIAO request) follows the person,
   * so the calendar keeps running; only where and who change.
   */
  transfer(to: Transfer, today: Today): DetentionEvent[] {
    if (this.state.status !== 'incarcerated') throw new DetentionNotIncarceratedError(this.state.status);
    const fromEstablishmentCode = this.state.establishmentCode;
    const previousSpipDepartement = this.state.spipDepartement;
    this.state.establishmentCode = to.establishmentCode;
    this.state.establishmentName = to.establishmentName;
    this.state.ecrou = to.ecrou;
    this.state.spipDepartement = to.spipDepartement ?? previousSpipDepartement;
    this.state.destinationDepartement = to.destinationDepartement ?? this.state.destinationDepartement;
    return [{ kind: 'PersonTransferred', detention: this.snapshot(), fromEstablishmentCode, previousSpipDepartement, transferredOn: today.date }];
  }

  /** What the passing of days made true since the last look: the daily sweep's unit of work. */
  advanceCalendar(today: CalendarDate, settings: DepartementSettings): DetentionEvent[] {
    if (this.state.status !== 'incarcerated') return [];
    const { progress, facts } = this.schedule(settings).advance(this.state.progress, today);
    this.state.progress = progress;
    return facts.map((fact) => ({ kind: 'CalendarReached', detention: this.snapshot(), fact }));
  }

  /** The next day the sweep must look at this detention; none once released or all announced. */
  nextDueOn(settings: DepartementSettings): CalendarDate | undefined {
    if (this.state.status !== 'incarcerated') return undefined;
    return this.schedule(settings).nextDueOn(this.state.progress);
  }

  private schedule(settings: DepartementSettings): ReleaseSchedule {
    return new ReleaseSchedule(this.state.incarcerationDate, this.state.expectedReleaseDate, settings, this.state.sentenceEndDate);
  }

  static restore(state: DetentionState): Detention {
    return new Detention({ ...state, progress: { ...state.progress, milestonesReached: [...state.progress.milestonesReached] } });
  }

  snapshot(): DetentionState {
    const { progress } = this.state;
    return { ...this.state, identity: { ...this.state.identity }, progress: { ...progress, milestonesReached: [...progress.milestonesReached] } };
  }
}
