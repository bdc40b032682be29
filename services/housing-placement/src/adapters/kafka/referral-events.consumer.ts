import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  referralReleaseDateChangedV1, ReferralReleaseDateChangedV1, requestSubmittedV1, RequestSubmittedV1, requestWithdrawnV1, RequestWithdrawnV1,
} from '@passerelle/contracts';
import { ConsumedEvent, HandlesEvent } from '@passerelle/messaging';
import { ReceiveReferrals } from '../../application/receive-referrals.use-case';

/** Referral's events about the SIAO request, keyed by person: one person's arrive in order, each handled once. */
@Injectable()
export class ReferralEventsConsumer {
  constructor(private readonly receive: ReceiveReferrals) {}

  @HandlesEvent(requestSubmittedV1)
  onSubmitted({ data }: ConsumedEvent<RequestSubmittedV1>, tx: EntityManager): Promise<void> {
    return this.receive.submitted(tx, {
      referralId: data.referralId, personId: data.personId, detentionId: data.detentionId, spipDepartement: data.spipDepartement,
      siaoDepartement: data.siaoDepartement, expectedReleaseDate: data.expectedReleaseDate, urgent: data.urgent, submission: data.submission,
      file: {
        household: { ...data.household, childrenAges: [...data.household.childrenAges] }, needs: { ...data.needs },
        resources: [...data.resources], rightsToReopen: [...data.rightsToReopen], preferredTerritories: [...data.preferredTerritories],
        careContinuity: data.careContinuity, consent: { givenOn: data.consent.givenOn, recipients: [...data.consent.recipients] },
      },
    });
  }

  @HandlesEvent(requestWithdrawnV1)
  onWithdrawn({ data }: ConsumedEvent<RequestWithdrawnV1>, tx: EntityManager): Promise<void> {
    return this.receive.withdrawn(tx, data.referralId, data.reason);
  }

  @HandlesEvent(referralReleaseDateChangedV1)
  onReleaseDateChanged({ data }: ConsumedEvent<ReferralReleaseDateChangedV1>, tx: EntityManager): Promise<void> {
    return this.receive.releaseDateChanged(tx, data.referralId, data.expectedReleaseDate, data.urgent);
  }
}
