import { allowsSharingWith, Consent, consentGiven, ConsentRecipient, consentRefused, isInForce, withdrawConsent } from './consent';
import { AlertChange, AlertKind, ReferralAlerts, AlertsState } from './referral-alerts';
import { ReferralRuleError, ReferralStateError } from './referral-errors';
import { copyFile, emptyFile, FilePatch, missingElements, patchFile, ReferralFile } from './referral-file';
import { Decision, HousingProgress, Placement } from './housing-progress';
import { StallPolicy, stalledAlertDue } from './stall-policy';
import { daysBetween } from '@passerelle/domain-kernel';

/** The demande SIAO's lifecycle on the SPIP's side (DOMAIN.md, "The SIAO request lifecycle"). */
export type ReferralStatus =
  | 'to_complete' | 'submitted' | 'scheduled' | 'oriented' | 'deferred' | 'refused'
  | 'placement_proposed' | 'placement_confirmed' | 'on_hold' | 'closed' | 'withdrawn';

/** Why a person left prison with nothing: the headline indicator's breakdown. */
export type SortieSecheReason =
  | 'no_request' | 'request_incomplete' | 'no_decision' | 'no_place' | 'refused' | 'declined_by_person' | 'no_show'
  | 'request_on_hold';

export type WithdrawalReason = 'person_declined' | 'other_solution' | 'release_cancelled' | 'consent_withdrawn';
export type CloseOutcome = 'housed' | 'released_without_placement' | 'no_show';

export interface PersonIdentity {
  lastName: string;
  firstNames: string;
  birthDate: string;
}

export interface ReleaseWindowFacts {
  detentionId: string;
  personId: string;
  spipDepartement: string;
  /** The SIAO the request is addressed to. */
  siaoDepartement: string;
  expectedReleaseDate: string;
  urgent: boolean;
  establishmentCode: string;
  establishmentName: string;
  identity: PersonIdentity;
}

export interface ReferralState extends ReleaseWindowFacts {
  id: string;
  status: ReferralStatus;
  /** Where to go back to when the window reopens. */
  statusBeforeHold?: ReferralStatus;
  openedOn: string;
  /** Since when the SPIP has had it to complete, or the SIAO without a decision: what stall alerts count from. */
  waitingSince: string;
  submissions: number;
  file: ReferralFile;
  consent?: Consent;
  /** What the SIAO said was missing when it returned the request. */
  returnedMissing: string[];
  placement?: Placement;
  declinedByPerson: boolean;
  releasedOn?: string;
  withdrawalReason?: WithdrawalReason;
  alerts: AlertsState;
}

export type ReferralChange =
  | { kind: 'Opened' }
  | { kind: 'FileUpdated'; fields: string[] }
  | { kind: 'ConsentRecorded'; decision: Consent['decision'] }
  | { kind: 'ConsentWithdrawn' }
  | { kind: 'Submitted'; submission: number }
  | { kind: 'Withdrawn'; reason: WithdrawalReason }
  | { kind: 'OnHold' }
  | { kind: 'Resumed' }
  | { kind: 'ReleaseDateMoved'; from: string }
  | { kind: 'Transferred'; establishmentCode: string }
  | { kind: 'Reassigned'; previousSpipDepartement: string }
  | { kind: 'Returned'; missing: string[] }
  | { kind: 'Decided'; decision: Decision }
  | { kind: 'Alert'; change: AlertChange }
  | { kind: 'Released'; releasedOn: string }
  | { kind: 'SortieSecheRecorded'; reason: SortieSecheReason; releasedOn: string }
  | { kind: 'Closed'; outcome: CloseOutcome };

const EDITABLE: ReferralStatus[] = ['to_complete', 'refused'];
const AT_THE_SIAO: ReferralStatus[] = ['submitted', 'scheduled', 'oriented', 'deferred', 'placement_proposed', 'placement_confirmed'];
const FINISHED: ReferralStatus[] = ['closed', 'withdrawn'];
const HOUSING_ALERTS: AlertKind[] = ['sortie_seche_risk', 'lsc_at_risk'];
/** Release-calendar's threshold for an urgent window (short sentences): at most 90 days away. */
const URGENT_WITHIN_DAYS = 90;

/**
 * One SIAO request per detention. It opens by itself when the window opens, is completed and
 * submitted by the SPIP with the person's consent, follows the SIAO's decisions, waits while the
 * date has moved away, follows the person through transfers, and judges the risk of a sortie sèche.
 */
export class Referral {
  private readonly alerts: ReferralAlerts;
  private readonly housing: HousingProgress;

  private constructor(private readonly state: ReferralState) {
    this.alerts = new ReferralAlerts(state.alerts);
    this.housing = new HousingProgress(state);
  }

  static open(id: string, window: ReleaseWindowFacts, today: string): { referral: Referral; changes: ReferralChange[] } {
    const referral = new Referral({
      ...structuredClone(window), id, status: 'to_complete', openedOn: today, waitingSince: today, submissions: 0,
      file: emptyFile(), returnedMissing: [], declinedByPerson: false, alerts: {},
    });
    return { referral, changes: [{ kind: 'Opened' }] };
  }

  static restore(state: ReferralState): Referral {
    return new Referral(structuredClone(state));
  }

  snapshot(): ReferralState {
    return { ...structuredClone(this.state), alerts: this.alerts.snapshot() };
  }

  get id(): string {
    return this.state.id;
  }

  get status(): ReferralStatus {
    return this.state.status;
  }

  highestOpenAlertLevel(): ReturnType<ReferralAlerts['highestOpenLevel']> {
    return this.alerts.highestOpenLevel();
  }

  /** Missing elements of the file and of the consent, as a submission would report them. */
  missingForSubmission(): ReturnType<typeof missingElements> {
    const missing = missingElements(this.state.file);
    if (!allowsSharingWith(this.state.consent, 'siao')) {
      missing.push({ field: 'consent', rule: 'givenForSiao', message: 'consent must be given, in force, and name the SIAO among its recipients' });
    }
    return missing;
  }

  // The SPIP's steps.

  updateFile(patch: FilePatch): ReferralChange[] {
    if (!EDITABLE.includes(this.currentStatus())) throw new ReferralStateError(this.state.status, 'edited');
    const fields = Object.keys(patch).filter((key) => patch[key as keyof FilePatch] !== undefined);
    if (fields.length === 0) throw ReferralRuleError.of('body', 'notEmpty', 'an update must give at least one element of the file');
    this.state.file = patchFile(this.state.file, patch);
    return [{ kind: 'FileUpdated', fields }];
  }

  recordConsent(decision: Consent['decision'], decidedOn: string, scope: string, recipients: ConsentRecipient[], today: string): ReferralChange[] {
    this.expectNotFinished('given a consent');
    if (isInForce(this.state.consent) && decision === 'refused') {
      throw ReferralRuleError.of('decision', 'withdrawInstead', 'a consent in force is withdrawn, not refused');
    }
    if (this.atTheSiao() && !recipients.includes('siao')) {
      throw ReferralRuleError.of('recipients', 'keepsSiao', 'the request is at the SIAO: withdraw the consent to stop sharing with it');
    }
    this.state.consent = decision === 'given' ? consentGiven(decidedOn, scope, recipients, today) : consentRefused(decidedOn, scope, today);
    return [{ kind: 'ConsentRecorded', decision }];
  }

  /** Without consent nothing may stay at the SIAO: a request there is withdrawn from it. */
  withdrawConsent(withdrawnOn: string, today: string): ReferralChange[] {
    this.state.consent = withdrawConsent(this.state.consent, withdrawnOn, today);
    const changes: ReferralChange[] = [{ kind: 'ConsentWithdrawn' }];
    if (this.isFinished() || !this.atTheSiao()) return changes;
    this.moveTo('to_complete', today);
    this.state.placement = undefined;
    return [...changes, { kind: 'Withdrawn', reason: 'consent_withdrawn' }, ...this.alertChanges(this.alerts.resolve(['stalled_no_decision'], today))];
  }

  submit(today: string): ReferralChange[] {
    this.expectStatus(['to_complete', 'refused'], 'submitted');
    const missing = this.missingForSubmission();
    if (missing.length > 0) throw new ReferralRuleError(missing);
    this.state.status = 'submitted';
    this.state.waitingSince = today;
    this.state.submissions += 1;
    this.state.returnedMissing = [];
    return [{ kind: 'Submitted', submission: this.state.submissions }, ...this.alertChanges(this.alerts.resolve(['stalled_incomplete'], today))];
  }

  withdraw(reason: Exclude<WithdrawalReason, 'consent_withdrawn'>, today: string): ReferralChange[] {
    this.expectNotFinished('withdrawn');
    this.state.status = 'withdrawn';
    this.state.statusBeforeHold = undefined;
    this.state.withdrawalReason = reason;
    return [{ kind: 'Withdrawn', reason }, ...this.alertChanges(this.alerts.resolveAll(today))];
  }

  // What release-calendar says.

  /** The date moved back out of the window: the request waits instead of being lost or duplicated. */
  windowClosed(): ReferralChange[] {
    if (this.isFinished() || this.state.status === 'on_hold') return [];
    this.state.statusBeforeHold = this.state.status;
    this.state.status = 'on_hold';
    return [{ kind: 'OnHold' }];
  }

  /** The window opened again for the same detention: the same request resumes where it was. */
  windowReopened(window: ReleaseWindowFacts, today: string): ReferralChange[] {
    if (this.state.status === 'withdrawn' && this.state.withdrawalReason === 'release_cancelled' && !this.state.releasedOn) {
      return this.reopenCancelledRelease(window, today);
    }
    if (this.isFinished()) return [];
    const changes = this.releaseDateMoved(window.expectedReleaseDate, today);
    this.state.urgent = this.state.urgent || window.urgent;
    if (this.state.status !== 'on_hold') return changes;
    this.state.status = this.state.statusBeforeHold ?? 'to_complete';
    this.state.statusBeforeHold = undefined;
    return [...changes, { kind: 'Resumed' }];
  }

  /** The release the SPIP thought cancelled is back: the same request is to complete again. */
  private reopenCancelledRelease(window: ReleaseWindowFacts, today: string): ReferralChange[] {
    this.state.status = 'to_complete';
    this.state.withdrawalReason = undefined;
    this.state.waitingSince = today;
    this.state.expectedReleaseDate = window.expectedReleaseDate;
    this.state.urgent = this.state.urgent || window.urgent;
    return [{ kind: 'Resumed' }];
  }

  /** A new due date; brought near (as release-calendar judges "urgent"), the request becomes urgent. */
  releaseDateMoved(expectedReleaseDate: string, today: string): ReferralChange[] {
    const from = this.state.expectedReleaseDate;
    if (from === expectedReleaseDate || this.isFinished()) return [];
    this.state.expectedReleaseDate = expectedReleaseDate;
    this.state.urgent = this.state.urgent || daysBetween(today, expectedReleaseDate) <= URGENT_WITHIN_DAYS;
    return [{ kind: 'ReleaseDateMoved', from }];
  }

  /** A transfer keeps the request, at its new establishment, and moves it to the SPIP now in charge. */
  transferred(spipDepartement: string, establishment: { code: string; name: string }): ReferralChange[] {
    if (this.isFinished()) return [];
    this.state.establishmentCode = establishment.code;
    this.state.establishmentName = establishment.name;
    const previousSpipDepartement = this.state.spipDepartement;
    if (spipDepartement === previousSpipDepartement) return [{ kind: 'Transferred', establishmentCode: establishment.code }];
    this.state.spipDepartement = spipDepartement;
    return [{ kind: 'Transferred', establishmentCode: establishment.code }, { kind: 'Reassigned', previousSpipDepartement }];
  }

  releaseApproaching(daysBefore: number, today: string): ReferralChange[] {
    if (this.isFinished() || this.housing.placementConfirmed()) return [];
    return this.alertChanges(this.alerts.milestoneReached(daysBefore, today));
  }

  /** The automatic LSC is examined soon and no housing is confirmed: it will be refused for that. */
  lscReviewDue(today: string): ReferralChange[] {
    if (this.isFinished() || this.housing.placementConfirmed()) return [];
    return this.alertChanges(this.alerts.raise('lsc_at_risk', today));
  }

  /**
   * Released: with no confirmed placement, a sortie sèche is recorded with its reason and the request
   * closes. A withdrawn request counts too, unless it was withdrawn because another solution was found.
   */
  released(releasedOn: string, today: string): ReferralChange[] {
    if (this.state.status === 'closed' || this.state.releasedOn) return [];
    this.state.releasedOn = releasedOn;
    if (this.state.status === 'withdrawn') {
      return this.state.withdrawalReason !== 'other_solution'
        ? [{ kind: 'SortieSecheRecorded', reason: 'declined_by_person', releasedOn }]
        : [{ kind: 'Released', releasedOn }];
    }
    if (this.housing.placementConfirmed()) return [{ kind: 'Released', releasedOn }];
    return this.close('released_without_placement', today, { kind: 'SortieSecheRecorded', reason: this.sortieSecheReason(), releasedOn });
  }

  // What housing-placement says.

  returnedIncomplete(missing: string[], today: string): ReferralChange[] {
    if (!this.housing.mayBeReturned()) return [];
    this.moveTo('to_complete', today);
    this.state.returnedMissing = [...missing];
    return [{ kind: 'Returned', missing }, ...this.alertChanges(this.alerts.resolve(['stalled_no_decision'], today))];
  }

  decided(decision: Decision, today: string): ReferralChange[] {
    if (this.isFinished()) return [];
    const status = this.housing.apply(decision);
    if (!status) return [];
    this.moveTo(status, today);
    const changes: ReferralChange[] = [{ kind: 'Decided', decision }];
    if (decision.kind !== 'scheduled') changes.push(...this.alertChanges(this.alerts.resolve(['stalled_no_decision'], today)));
    if (decision.kind === 'placement_confirmed') changes.push(...this.alertChanges(this.alerts.resolve(HOUSING_ALERTS, today)));
    return changes;
  }

  entered(today: string): ReferralChange[] {
    if (this.isFinished() || !this.housing.placementConfirmed()) return [];
    return this.close('housed', today);
  }

  /** The person never reached the confirmed place: released with nothing after all. */
  noShow(today: string): ReferralChange[] {
    if (this.isFinished() || !this.housing.placementConfirmed()) return [];
    // Not out yet (the date moved): the place is lost, and the release will be judged on its day.
    if (!this.state.releasedOn) return this.decided({ kind: 'placement_cancelled', placementId: this.state.placement!.placementId }, today);
    return this.close('no_show', today, { kind: 'SortieSecheRecorded', reason: 'no_show', releasedOn: this.state.releasedOn });
  }

  // Time passing.

  stallCheck(today: string, policy: StallPolicy): ReferralChange[] {
    if (this.isFinished() || this.state.status === 'on_hold') return [];
    const due = stalledAlertDue(this.state.status, this.state.waitingSince, today, policy);
    return due ? this.alertChanges(this.alerts.raise(due, today)) : [];
  }

  private close(outcome: CloseOutcome, today: string, sortieSeche?: ReferralChange): ReferralChange[] {
    this.state.status = 'closed';
    this.state.statusBeforeHold = undefined;
    const alerts = this.alertChanges(this.alerts.resolveAll(today));
    return [...(sortieSeche ? [sortieSeche] : []), ...alerts, { kind: 'Closed', outcome }];
  }

  private sortieSecheReason(): SortieSecheReason {
    if (this.state.declinedByPerson && !this.housing.placementConfirmed()) return 'declined_by_person';
    const reasons: Partial<Record<ReferralStatus, SortieSecheReason>> = {
      submitted: 'no_decision', scheduled: 'no_decision', deferred: 'no_decision',
      oriented: 'no_place', placement_proposed: 'no_place', refused: 'refused',
      on_hold: 'request_on_hold',
    };
    return reasons[this.state.status] ?? 'request_incomplete';
  }

  /** A step of the SIAO while the window is closed lands where the request will resume. */
  private moveTo(status: ReferralStatus, today: string): void {
    if (status !== this.currentStatus()) this.state.waitingSince = today;
    if (this.state.status === 'on_hold') this.state.statusBeforeHold = status;
    else this.state.status = status;
  }

  private currentStatus(): ReferralStatus {
    return this.state.status === 'on_hold' ? (this.state.statusBeforeHold ?? 'to_complete') : this.state.status;
  }

  private atTheSiao(): boolean {
    return AT_THE_SIAO.includes(this.currentStatus());
  }

  private alertChanges(changes: AlertChange[]): ReferralChange[] {
    return changes.map((change) => ({ kind: 'Alert', change }));
  }

  private expectStatus(allowed: ReferralStatus[], action: string): void {
    if (!allowed.includes(this.state.status)) throw new ReferralStateError(this.state.status, action);
  }

  private expectNotFinished(action: string): void {
    if (this.isFinished()) throw new ReferralStateError(this.state.status, action);
  }

  private isFinished(): boolean {
    return FINISHED.includes(this.state.status);
  }

  /** The file as it stands, for the SIAO's reading and the submission event. */
  file(): ReferralFile {
    return copyFile(this.state.file);
  }
}
