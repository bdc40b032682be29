import { Injectable } from '@nestjs/common';
import {
  alertEscalatedV1, alertRaisedV1, alertResolvedV1, requestClosedV1, requestOnHoldV1, requestOpenedV1, requestResumedV1, sortieSecheRecordedV1,
} from '@passerelle/contracts';
import { OutboxEntry, outboxEntry, OutboxWriter } from '@passerelle/messaging';
import { Transaction } from '@passerelle/service-kit';
import { Referral, ReferralChange, ReferralState } from '../domain/referral';

/** Maps a referral's changes to contract events, in the caller's transaction. */
@Injectable()
export class ReferralEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {}

  async publish(tx: Transaction, referral: Referral, changes: ReferralChange[]): Promise<void> {
    const state = referral.snapshot();
    await this.outbox.addMany(tx, changes.flatMap((change) => entriesOf(state, change)));
  }
}

function entriesOf(state: ReferralState, change: ReferralChange): OutboxEntry[] {
  const ref = {
    referralId: state.id, personId: state.personId, detentionId: state.detentionId,
    spipDepartement: state.spipDepartement, siaoDepartement: state.siaoDepartement, expectedReleaseDate: state.expectedReleaseDate,
  };
  switch (change.kind) {
    case 'Opened':
      return [outboxEntry(requestOpenedV1, { ...ref, urgent: state.urgent })];
    case 'OnHold':
      return [outboxEntry(requestOnHoldV1, ref)];
    case 'Resumed':
      return [outboxEntry(requestResumedV1, ref)];
    case 'Closed':
      return [outboxEntry(requestClosedV1, { ...ref, outcome: change.outcome })];
    case 'SortieSecheRecorded':
      return [outboxEntry(sortieSecheRecordedV1, { ...ref, reason: change.reason, releasedOn: change.releasedOn })];
    case 'Reassigned':
      // Seen by consumers through the SPIP département of the next events; no event of its own yet.
      return [];
    case 'Alert': {
      const alert = change.change;
      if (alert.kind === 'raised') return [outboxEntry(alertRaisedV1, { ...ref, level: alert.level })];
      if (alert.kind === 'escalated') return [outboxEntry(alertEscalatedV1, { ...ref, from: alert.from, level: alert.level })];
      return [outboxEntry(alertResolvedV1, { ...ref, level: alert.level })];
    }
  }
}
