import { addDays, addMonths, addYears, daysBetween } from '@passerelle/domain-kernel';
import { CrowdPerson } from './crowd-scenario';
import { workingDaysAfter } from './french-working-days';

/**
 * What the system should have done, computed from what the test did: the field's rules (DOMAIN.md,
 * the services' READMEs) applied to the test's own actions, day by day. The test keeps it in step
 * with every action it takes; the checks compare the system's public effects with it.
 */
export type AlertKind = 'sortie_seche_risk' | 'lsc_at_risk' | 'stalled_incomplete' | 'stalled_no_decision';
export type AlertLevel = 'watch' | 'warning' | 'critical';
export type RequestStatus = 'to_complete' | 'submitted' | 'scheduled' | 'oriented' | 'refused' | 'placement_proposed' | 'placement_confirmed' | 'on_hold' | 'closed';
export type SortieSecheReason = 'no_request' | 'request_incomplete' | 'no_decision' | 'no_place' | 'refused' | 'request_on_hold';

export interface AlertChange {
  ecrou: string;
  kind: AlertKind;
  change: 'raised' | 'escalated' | 'resolved';
  level: AlertLevel;
  day: string;
}

interface Calendar {
  releaseDate: string;
  windowOpen: boolean;
  milestonesReached: number[];
  lscAnnounced: boolean;
  released: boolean;
}

export interface ExpectedRequest {
  status: RequestStatus;
  statusBeforeHold?: RequestStatus;
  waitingSince: string;
  alerts: Map<AlertKind, { open: boolean; level: AlertLevel }>;
  placementConfirmed: boolean;
  releasedOn?: string;
}

/** Everything the figures and the checks need about one person. */
export interface ExpectedPerson {
  person: CrowdPerson;
  calendar: Calendar;
  request?: ExpectedRequest;
  registeredOn?: string;
  windows: Array<{ from: string; to?: string }>;
  openedOn?: string;
  submittedOn?: string;
  orientedOn?: string;
  confirmedOn?: string;
  enteredOn?: string;
  sortieSeche?: { reason: SortieSecheReason; releasedOn: string };
}

type Fact =
  | { kind: 'opened'; on: string }
  | { kind: 'closed'; on: string }
  | { kind: 'milestone'; on: string; daysBefore: number }
  | { kind: 'lsc'; on: string };

const WINDOW_MONTHS = 6;
const MILESTONE_DAYS = [90, 30, 7, 1];
const STALL_INCOMPLETE_DAYS = 14;
const STALL_NO_DECISION_WORKING_DAYS = 10;
const RANK: Record<AlertLevel, number> = { watch: 1, warning: 2, critical: 3 };
const FIXED_LEVEL: Record<Exclude<AlertKind, 'sortie_seche_risk'>, AlertLevel> = {
  lsc_at_risk: 'critical', stalled_incomplete: 'warning', stalled_no_decision: 'warning',
};
const COMMISSION_PENDING: RequestStatus[] = ['submitted', 'scheduled'];
const REASONS: Partial<Record<RequestStatus, SortieSecheReason>> = {
  submitted: 'no_decision', scheduled: 'no_decision', oriented: 'no_place', placement_proposed: 'no_place', refused: 'refused', on_hold: 'request_on_hold',
};

export class ExpectedWorld {
  readonly people = new Map<string, ExpectedPerson>();
  readonly alertLog: AlertChange[] = [];

  constructor(people: CrowdPerson[]) {
    for (const person of people) {
      this.people.set(person.ecrou, {
        person, windows: [],
        calendar: { releaseDate: person.releaseDate, windowOpen: false, milestonesReached: [], lscAnnounced: false, released: false },
      });
    }
  }

  of(ecrou: string): ExpectedPerson {
    const expected = this.people.get(ecrou);
    if (!expected) throw new Error(`no person ${ecrou} in the crowd`);
    return expected;
  }

  // release-calendar: registration, date moves, the daily sweep, the release.

  register(ecrou: string, today: string): void {
    const expected = this.of(ecrou);
    expected.registeredOn = today;
    this.advance(expected, today);
  }

  changeReleaseDate(ecrou: string, releaseDate: string, today: string): void {
    const expected = this.of(ecrou);
    const { calendar } = expected;
    calendar.releaseDate = releaseDate;
    // Milestones still ahead on the new date are announced again when their day comes.
    calendar.milestonesReached = calendar.milestonesReached.filter((days) => addDays(releaseDate, -days) <= today);
    const lsc = lscAnnounceOn(expected.person, releaseDate);
    calendar.lscAnnounced = calendar.lscAnnounced && lsc !== undefined && lsc <= today;
    this.advance(expected, today);
  }

  sweep(today: string): void {
    for (const expected of this.people.values()) {
      if (expected.registeredOn && !expected.calendar.released) this.advance(expected, today);
    }
  }

  release(ecrou: string, releasedOn: string, today: string): void {
    const expected = this.of(ecrou);
    expected.calendar.released = true;
    expected.calendar.releaseDate = releasedOn;
    const open = expected.windows.find((window) => window.to === undefined);
    if (open) open.to = releasedOn;
    expected.calendar.windowOpen = false;
    const request = expected.request;
    if (!request) {
      expected.sortieSeche = { reason: 'no_request', releasedOn };
      return;
    }
    if (request.status === 'closed' || request.releasedOn) return;
    request.releasedOn = releasedOn;
    if (request.placementConfirmed) return;
    expected.sortieSeche = { reason: REASONS[request.status] ?? 'request_incomplete', releasedOn };
    this.close(expected, today);
  }

  // referral: the SPIP's submission and the stall sweep.

  submit(ecrou: string, today: string): void {
    const expected = this.of(ecrou);
    const request = this.requestOf(expected);
    request.status = 'submitted';
    request.waitingSince = today;
    expected.submittedOn ??= today;
    this.resolve(expected, ['stalled_incomplete'], today);
  }

  stallSweep(today: string): void {
    for (const expected of this.people.values()) {
      const request = expected.request;
      if (!request || request.status === 'closed' || request.status === 'on_hold') continue;
      if (request.status === 'to_complete' && daysBetween(request.waitingSince, today) > STALL_INCOMPLETE_DAYS) {
        this.raise(expected, 'stalled_incomplete', today);
      }
      if (COMMISSION_PENDING.includes(request.status) && workingDaysAfter(request.waitingSince, today) > STALL_NO_DECISION_WORKING_DAYS) {
        this.raise(expected, 'stalled_no_decision', today);
      }
    }
  }

  // housing-placement: the commission and the structures, as referral hears them.

  scheduled(ecrou: string, today: string): void {
    this.moveTo(this.of(ecrou), 'scheduled', today);
  }

  oriented(ecrou: string, today: string): void {
    const expected = this.of(ecrou);
    this.moveTo(expected, 'oriented', today);
    expected.orientedOn ??= today;
    this.resolve(expected, ['stalled_no_decision'], today);
  }

  refused(ecrou: string, today: string): void {
    const expected = this.of(ecrou);
    this.moveTo(expected, 'refused', today);
    this.resolve(expected, ['stalled_no_decision'], today);
  }

  proposed(ecrou: string, today: string): void {
    const expected = this.of(ecrou);
    this.moveTo(expected, 'placement_proposed', today);
    this.resolve(expected, ['stalled_no_decision'], today);
  }

  confirmed(ecrou: string, today: string): void {
    const expected = this.of(ecrou);
    this.moveTo(expected, 'placement_confirmed', today);
    this.requestOf(expected).placementConfirmed = true;
    expected.confirmedOn = today;
    this.resolve(expected, ['stalled_no_decision'], today);
    this.resolve(expected, ['sortie_seche_risk', 'lsc_at_risk'], today);
  }

  entered(ecrou: string, enteredOn: string, today: string): void {
    const expected = this.of(ecrou);
    expected.enteredOn = enteredOn;
    this.close(expected, today);
  }

  /** The calendar's facts of the day, in date order, and what each does to the request. */
  private advance(expected: ExpectedPerson, today: string): void {
    for (const fact of factsOf(expected, today)) {
      if (fact.kind === 'opened') this.windowOpened(expected, fact.on, today);
      else if (fact.kind === 'closed') this.windowClosed(expected, fact.on);
      else if (fact.kind === 'milestone') this.milestone(expected, fact.daysBefore, today);
      else this.lscReviewDue(expected, today);
    }
  }

  private windowOpened(expected: ExpectedPerson, opensOn: string, today: string): void {
    expected.windows.push({ from: opensOn });
    const request = expected.request;
    if (!request) {
      expected.request = { status: 'to_complete', waitingSince: today, alerts: new Map(), placementConfirmed: false };
      expected.openedOn = today;
    } else if (request.status === 'on_hold') {
      request.status = request.statusBeforeHold ?? 'to_complete';
      request.statusBeforeHold = undefined;
    }
  }

  private windowClosed(expected: ExpectedPerson, closedOn: string): void {
    const open = expected.windows.find((window) => window.to === undefined);
    if (open) open.to = closedOn;
    const request = expected.request;
    if (!request || request.status === 'closed' || request.status === 'on_hold') return;
    request.statusBeforeHold = request.status;
    request.status = 'on_hold';
  }

  /** The risk of a sortie sèche: raised at the first milestone, escalated, never lowered. */
  private milestone(expected: ExpectedPerson, daysBefore: number, today: string): void {
    const request = expected.request;
    if (!request || request.status === 'closed' || request.placementConfirmed) return;
    const wanted: AlertLevel = daysBefore <= 7 ? 'critical' : daysBefore <= 30 ? 'warning' : 'watch';
    const current = request.alerts.get('sortie_seche_risk');
    if (!current?.open) {
      request.alerts.set('sortie_seche_risk', { open: true, level: wanted });
      this.log(expected, 'sortie_seche_risk', 'raised', wanted, today);
    } else if (RANK[wanted] > RANK[current.level]) {
      current.level = wanted;
      this.log(expected, 'sortie_seche_risk', 'escalated', wanted, today);
    }
  }

  private lscReviewDue(expected: ExpectedPerson, today: string): void {
    const request = expected.request;
    if (!request || request.status === 'closed' || request.placementConfirmed) return;
    this.raise(expected, 'lsc_at_risk', today);
  }

  private raise(expected: ExpectedPerson, kind: Exclude<AlertKind, 'sortie_seche_risk'>, today: string): void {
    const alerts = this.requestOf(expected).alerts;
    if (alerts.get(kind)?.open) return;
    alerts.set(kind, { open: true, level: FIXED_LEVEL[kind] });
    this.log(expected, kind, 'raised', FIXED_LEVEL[kind], today);
  }

  private resolve(expected: ExpectedPerson, kinds: AlertKind[], today: string): void {
    const alerts = this.requestOf(expected).alerts;
    for (const kind of kinds) {
      const alert = alerts.get(kind);
      if (!alert?.open) continue;
      alert.open = false;
      this.log(expected, kind, 'resolved', alert.level, today);
    }
  }

  private close(expected: ExpectedPerson, today: string): void {
    const request = this.requestOf(expected);
    this.resolve(expected, [...request.alerts.keys()], today);
    request.status = 'closed';
    request.statusBeforeHold = undefined;
  }

  private moveTo(expected: ExpectedPerson, status: RequestStatus, today: string): void {
    const request = this.requestOf(expected);
    if (request.status !== status) request.waitingSince = today;
    request.status = status;
  }

  private requestOf(expected: ExpectedPerson): ExpectedRequest {
    if (!expected.request) throw new Error(`${expected.person.ecrou} has no request: the test acted on a request that cannot exist`);
    return expected.request;
  }

  private log(expected: ExpectedPerson, kind: AlertKind, change: AlertChange['change'], level: AlertLevel, day: string): void {
    this.alertLog.push({ ecrou: expected.person.ecrou, kind, change, level, day });
  }
}

/** release-calendar's schedule for the current date: what `today` makes true that was not announced. */
function factsOf(expected: ExpectedPerson, today: string): Fact[] {
  const { calendar, person } = expected;
  const facts: Fact[] = [];
  const opensOn = addMonths(calendar.releaseDate, -WINDOW_MONTHS);
  if (opensOn <= today && !calendar.windowOpen) {
    facts.push({ kind: 'opened', on: opensOn });
    calendar.windowOpen = true;
  } else if (opensOn > today && calendar.windowOpen) {
    facts.push({ kind: 'closed', on: today });
    calendar.windowOpen = false;
  }
  for (const daysBefore of MILESTONE_DAYS) {
    const on = addDays(calendar.releaseDate, -daysBefore);
    if (on <= today && !calendar.milestonesReached.includes(daysBefore)) {
      facts.push({ kind: 'milestone', on, daysBefore });
      calendar.milestonesReached.push(daysBefore);
    }
  }
  const lsc = lscAnnounceOn(person, calendar.releaseDate);
  if (lsc && lsc <= today && !calendar.lscAnnounced) {
    facts.push({ kind: 'lsc', on: lsc });
    calendar.lscAnnounced = true;
  }
  return facts.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

/** Total sentence of two years at most: the LSC is examined at 3 months of reliquat, announced a month before. */
function lscAnnounceOn(person: CrowdPerson, releaseDate: string): string | undefined {
  if (addYears(person.incarcerationDate, 2) < person.sentenceEndDate) return undefined;
  return addMonths(addMonths(releaseDate, -3), -1);
}
