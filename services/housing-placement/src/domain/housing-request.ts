import type { DeferralReasonName, RefusalReasonName, StructureTypeName, WithdrawalReasonName } from '@passerelle/contracts';
import { addMonths } from '@passerelle/domain-kernel';
import { HousingConflictError, HousingRuleError } from './housing-errors';
import { missingElements, RequestFile } from './request-file';

export type RequestStatus =
  | 'returned' | 'awaiting_review' | 'scheduled' | 'deferred' | 'refused' | 'oriented' | 'placement_confirmed'
  | 'housed' | 'no_show' | 'lapsed' | 'withdrawn';

/** After this many months without an entry, an orientation lapses (SI-SIAO practice). */
export const ORIENTATION_VALIDITY_MONTHS = 3;

export interface Orientation {
  sessionId: string;
  structureType?: StructureTypeName;
  structureId?: string;
  /** The commission's préconisation for the structure. */
  preconisation?: string;
  decidedOn: string;
}

/** What a submission brings: the referral's routing facts and the file. */
export interface Submission {
  id: string;
  referralId: string;
  personId: string;
  detentionId: string;
  spipDepartement: string;
  siaoDepartement: string;
  expectedReleaseDate: string;
  urgent: boolean;
  submission: number;
  file: RequestFile;
}

export interface HousingRequestState extends Submission {
  status: RequestStatus;
  /** When the current submission arrived: the commission's "waiting since". */
  receivedOn: string;
  missing: string[];
  session?: { id: string; date: string };
  orientation?: Orientation;
  deferral?: { sessionId: string; reason: DeferralReasonName; reconsiderOn: string };
  refusal?: { sessionId: string; reason: RefusalReasonName };
  withdrawalReason?: WithdrawalReasonName;
}

export type CommissionDecision =
  | { kind: 'orientation'; structureType?: StructureTypeName; structureId?: string; preconisation?: string }
  | { kind: 'deferral'; reason: DeferralReasonName; reconsiderOn: string }
  | { kind: 'refusal'; reason: RefusalReasonName };

export type RequestChange =
  | { kind: 'Received' }
  | { kind: 'Returned'; missing: string[] }
  | { kind: 'Scheduled'; sessionId: string; sessionDate: string }
  | { kind: 'Oriented'; orientation: Orientation }
  | { kind: 'Deferred'; sessionId: string; reason: DeferralReasonName; reconsiderOn: string }
  | { kind: 'Refused'; sessionId: string; reason: RefusalReasonName }
  | { kind: 'Lapsed'; orientation: Orientation; lapsedOn: string }
  | { kind: 'Withdrawn'; reason: WithdrawalReasonName }
  | { kind: 'ReleaseDateMoved'; from: string };

/** A new submission starts the intake again from these; elsewhere it only refreshes the file. */
const INTAKE_AGAIN: RequestStatus[] = ['returned', 'withdrawn', 'refused', 'lapsed'];
const FINISHED: RequestStatus[] = ['housed', 'no_show', 'lapsed', 'withdrawn', 'refused'];
const SCHEDULABLE: RequestStatus[] = ['awaiting_review', 'scheduled', 'deferred'];

/**
 * The SIAO request: received from the SPIP, checked, put before the commission, decided, then
 * placed. Each step returns what changed, for the events; a step out of order is refused.
 */
export class HousingRequest {
  private constructor(private readonly state: HousingRequestState) {}

  static restore(state: HousingRequestState): HousingRequest {
    return new HousingRequest(state);
  }

  static receive(submission: Submission, today: string): { request: HousingRequest; changes: RequestChange[] } {
    const request = new HousingRequest({ ...submission, status: 'awaiting_review', receivedOn: today, missing: [] });
    return { request, changes: request.intake(today) };
  }

  snapshot(): HousingRequestState {
    return this.state;
  }

  get status(): RequestStatus {
    return this.state.status;
  }

  /** A later submission of the same referral (after a return, or reopened after a withdrawal). */
  resubmitted(submission: Submission, today: string): RequestChange[] {
    if (submission.submission <= this.state.submission) return [];
    Object.assign(this.state, {
      file: submission.file, submission: submission.submission, urgent: submission.urgent,
      expectedReleaseDate: submission.expectedReleaseDate, spipDepartement: submission.spipDepartement,
    });
    if (!INTAKE_AGAIN.includes(this.state.status)) return [];
    this.clearDecisions();
    this.state.session = undefined;
    this.state.receivedOn = today;
    return this.intake(today);
  }

  /** The commission's own completeness check: back to the SPIP with what is missing. */
  returnIncomplete(missing: string[]): RequestChange[] {
    this.require(['awaiting_review', 'scheduled'], 'returned');
    this.state.session = undefined;
    return this.returned(missing);
  }

  schedule(session: { id: string; date: string }): RequestChange[] {
    if (this.state.session?.id === session.id && this.state.status === 'scheduled') return [];
    this.require(SCHEDULABLE, 'put on an agenda');
    this.state.status = 'scheduled';
    this.state.session = session;
    return [{ kind: 'Scheduled', sessionId: session.id, sessionDate: session.date }];
  }

  decide(sessionId: string, decision: CommissionDecision, today: string): RequestChange[] {
    if (this.state.status !== 'scheduled' || this.state.session?.id !== sessionId) {
      throw new HousingConflictError('requestId', 'onThisAgenda', `request ${this.state.id} is not awaiting a decision of session ${sessionId}`);
    }
    this.clearDecisions();
    switch (decision.kind) {
      case 'orientation': {
        if (!decision.structureType && !decision.structureId) {
          throw HousingRuleError.of('structureType', 'typeOrStructure', 'an orientation names a structureType, a structureId or both');
        }
        const { structureType, structureId, preconisation } = decision;
        const orientation: Orientation = { sessionId, structureType, structureId, preconisation, decidedOn: today };
        this.state.status = 'oriented';
        this.state.orientation = orientation;
        return [{ kind: 'Oriented', orientation }];
      }
      case 'deferral':
        if (decision.reconsiderOn <= today) throw HousingRuleError.of('reconsiderOn', 'inTheFuture', `reconsiderOn must be after ${today}`);
        this.state.status = 'deferred';
        this.state.deferral = { sessionId, reason: decision.reason, reconsiderOn: decision.reconsiderOn };
        return [{ kind: 'Deferred', ...this.state.deferral }];
      case 'refusal':
        this.state.status = 'refused';
        this.state.refusal = { sessionId, reason: decision.reason };
        return [{ kind: 'Refused', ...this.state.refusal }];
    }
  }

  /** Pre-admission and confirmation need an orientation still in force. */
  assertOriented(action: string): Orientation {
    if (this.state.status !== 'oriented' || !this.state.orientation) throw HousingConflictError.notAllowed('request', this.state.status, action);
    return this.state.orientation;
  }

  placementConfirmed(): void {
    this.assertOriented('confirmed');
    this.state.status = 'placement_confirmed';
  }

  entered(): void {
    this.require(['placement_confirmed'], 'entered');
    this.state.status = 'housed';
  }

  noShow(): void {
    this.require(['placement_confirmed'], 'marked no-show');
    this.state.status = 'no_show';
  }

  withdraw(reason: WithdrawalReasonName): RequestChange[] {
    if (FINISHED.includes(this.state.status) && this.state.status !== 'refused') return [];
    this.state.status = 'withdrawn';
    this.state.withdrawalReason = reason;
    this.state.session = undefined;
    return [{ kind: 'Withdrawn', reason }];
  }

  releaseDateMoved(expectedReleaseDate: string, urgent: boolean): RequestChange[] {
    const from = this.state.expectedReleaseDate;
    this.state.urgent = this.state.urgent || urgent;
    if (from === expectedReleaseDate) return [];
    this.state.expectedReleaseDate = expectedReleaseDate;
    return [{ kind: 'ReleaseDateMoved', from }];
  }

  /**
   * The last day an orientation holds: three months after it was decided, counted from the release
   * when that comes later, since a person still in prison cannot take a place. A confirmed place
   * does not lapse: it ends with the entry or the structure's no-show.
   */
  orientationValidUntil(): string | undefined {
    const orientation = this.state.orientation;
    if (!orientation) return undefined;
    const start = orientation.decidedOn > this.state.expectedReleaseDate ? orientation.decidedOn : this.state.expectedReleaseDate;
    return addMonths(start, ORIENTATION_VALIDITY_MONTHS);
  }

  lapseIfDue(today: string): RequestChange[] {
    if (this.state.status !== 'oriented') return [];
    const validUntil = this.orientationValidUntil();
    if (!validUntil || today <= validUntil) return [];
    this.state.status = 'lapsed';
    return [{ kind: 'Lapsed', orientation: this.state.orientation!, lapsedOn: today }];
  }

  private intake(today: string): RequestChange[] {
    const missing = missingElements(this.state.file, today);
    if (missing.length > 0) return this.returned(missing);
    this.state.status = 'awaiting_review';
    this.state.missing = [];
    return [{ kind: 'Received' }];
  }

  private returned(missing: string[]): RequestChange[] {
    this.state.status = 'returned';
    this.state.missing = missing;
    return [{ kind: 'Returned', missing }];
  }

  private clearDecisions(): void {
    this.state.orientation = undefined;
    this.state.deferral = undefined;
    this.state.refusal = undefined;
    this.state.withdrawalReason = undefined;
  }

  private require(statuses: RequestStatus[], action: string): void {
    if (!statuses.includes(this.state.status)) throw HousingConflictError.notAllowed('request', this.state.status, action);
  }
}
