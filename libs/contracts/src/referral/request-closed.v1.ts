import { IsIn } from 'class-validator';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { ReferralRef } from './referral-payloads';

/** The request is over: the person was released (with or without a placement). */
export class RequestClosedV1 extends ReferralRef {
  @IsIn(['released']) outcome!: 'released';
}

export const requestClosedV1 = defineEvent({
  name: 'referral.request.closed',
  version: 1,
  topic: Topics.referral,
  payload: RequestClosedV1,
  key: (event) => event.personId,
  subject: (event) => event.referralId,
});
