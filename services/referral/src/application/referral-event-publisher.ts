import { Injectable } from '@nestjs/common';
import {
  alertEscalatedV1, alertRaisedV1, alertResolvedV1, referralReleaseDateChangedV1, requestClosedV1, requestOnHoldV1, requestOpenedV1, requestResumedV1,
  requestSubmittedV1, requestWithdrawnV1, sortieSecheRecordedV1,
} from '@passerelle/contracts';
import { OutboxEntry, outboxEntry, OutboxWriter } from '@passerelle/messaging';
import { Transaction } from '@passerelle/service-kit';
import { ReferralChange, ReferralState } from '../domain/referral';
import { rightsToReopen } from '../domain/referral-file';
import { SortieSecheRecord } from './ports/referral-journal';

type Ref = Pick<ReferralState, 'personId' | 'detentionId' | 'spipDepartement' | 'siaoDepartement' | 'expectedReleaseDate'> & { referralId: string };

/**
 * Maps a referral's changes to contract events, in the caller's transaction. Only routing facts
 * and what orientation needs leave: never the identity, the social evaluation or a diagnosis.
 */
@Injectable()
export class ReferralEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {}

  async publish(tx: Transaction, state: ReferralState, changes: ReferralChange[]): Promise<void> {
    await this.outbox.addMany(tx, changes.flatMap((change) => entriesOf(state, change)));
  }

  /** A person released before any request was opened: counted all the same. */
  async publishSortieSecheWithoutRequest(tx: Transaction, record: SortieSecheRecord): Promise<void> {
    const { reason, releasedOn, referralId: _none, ...ref } = record;
    await this.outbox.add(tx, sortieSecheRecordedV1, { ...ref, reason: reason as 'no_request', releasedOn });
  }
}

function refOf(state: ReferralState): Ref {
  return {
    referralId: state.id, personId: state.personId, detentionId: state.detentionId,
    spipDepartement: state.spipDepartement, siaoDepartement: state.siaoDepartement, expectedReleaseDate: state.expectedReleaseDate,
  };
}

function entriesOf(state: ReferralState, change: ReferralChange): OutboxEntry[] {
  const ref = refOf(state);
  switch (change.kind) {
    case 'Opened':
      return [outboxEntry(requestOpenedV1, { ...ref, urgent: state.urgent })];
    case 'Submitted':
      return [outboxEntry(requestSubmittedV1, submissionOf(state, ref, change.submission))];
    case 'Withdrawn':
      return [outboxEntry(requestWithdrawnV1, { ...ref, reason: change.reason })];
    case 'OnHold':
      return [outboxEntry(requestOnHoldV1, ref)];
    case 'Resumed':
      return [outboxEntry(requestResumedV1, ref)];
    case 'ReleaseDateMoved':
      return [outboxEntry(referralReleaseDateChangedV1, { ...ref, previousReleaseDate: change.from, urgent: state.urgent })];
    case 'Closed':
      return [outboxEntry(requestClosedV1, { ...ref, outcome: change.outcome })];
    case 'SortieSecheRecorded':
      return [outboxEntry(sortieSecheRecordedV1, { ...ref, reason: change.reason, releasedOn: change.releasedOn })];
    case 'Alert': {
      const alert = change.change;
      if (alert.kind === 'raised') return [outboxEntry(alertRaisedV1, { ...ref, kind: alert.alert, level: alert.level })];
      if (alert.kind === 'escalated') return [outboxEntry(alertEscalatedV1, { ...ref, kind: alert.alert, from: alert.from, level: alert.level })];
      return [outboxEntry(alertResolvedV1, { ...ref, kind: alert.alert, level: alert.level })];
    }
    default:
      // The SPIP's own steps (file, consent, transfer, the SIAO's decisions) stay in the timeline.
      return [];
  }
}

function submissionOf(state: ReferralState, ref: Ref, submission: number) {
  const { file, consent } = state;
  return {
    ...ref,
    urgent: state.urgent,
    submission,
    household: { composition: file.household!.composition, applicantGender: file.household!.applicantGender, childrenAges: [...file.household!.childrenAges] },
    needs: { ...file.needs! },
    resources: [...file.resources!],
    rightsToReopen: rightsToReopen(file),
    preferredTerritories: [...file.preferredTerritories!],
    careContinuity: file.careContinuity!,
    consent: { givenOn: consent!.decidedOn, recipients: [...consent!.recipients] },
  };
}
