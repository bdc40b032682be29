import { IsIn } from 'class-validator';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { CLOSE_OUTCOMES, CloseOutcomeName, ReferralRef } from './referral-payloads';

/** The request is over: the person entered their place, or was released without one, or never came. */
export class RequestClosedV1 extends ReferralRef {
  @IsIn(CLOSE_OUTCOMES) outcome!: CloseOutcomeName;
}

export const requestClosedV1 = defineEvent({
  name: 'referral.request.closed',
  version: 1,
  topic: Topics.referral,
  payload: RequestClosedV1,
  key: (event) => event.personId,
  subject: (event) => event.referralId,
});
