import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { ReferralRef } from './referral-payloads';

/** The release date moved out of the window: the request waits, neither lost nor duplicated. */
export class RequestOnHoldV1 extends ReferralRef {}

export const requestOnHoldV1 = defineEvent({
  name: 'referral.request.on-hold',
  version: 1,
  topic: Topics.referral,
  payload: RequestOnHoldV1,
  key: (event) => event.personId,
  subject: (event) => event.referralId,
});
