import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { ReferralRef } from './referral-payloads';

/** The window opened again: the same request goes on where it was. */
export class RequestResumedV1 extends ReferralRef {}

export const requestResumedV1 = defineEvent({
  name: 'referral.request.resumed',
  version: 1,
  topic: Topics.referral,
  payload: RequestResumedV1,
  key: (event) => event.personId,
  subject: (event) => event.referralId,
});
