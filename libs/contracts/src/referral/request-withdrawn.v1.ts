import { IsIn } from 'class-validator';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { ReferralRef, WITHDRAWAL_REASONS, WithdrawalReasonName } from './referral-payloads';

/** The SPIP withdrew the request (or the person withdrew their consent): the SIAO drops it. */
export class RequestWithdrawnV1 extends ReferralRef {
  @IsIn(WITHDRAWAL_REASONS) reason!: WithdrawalReasonName;
}

export const requestWithdrawnV1 = defineEvent({
  name: 'referral.request.withdrawn',
  version: 1,
  topic: Topics.referral,
  payload: RequestWithdrawnV1,
  key: (event) => event.personId,
  subject: (event) => event.referralId,
});
