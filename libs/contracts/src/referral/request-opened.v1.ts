import { IsBoolean } from 'class-validator';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { ReferralRef } from './referral-payloads';

/** The SIAO request opened by itself when the window opened: to be completed by the SPIP. */
export class RequestOpenedV1 extends ReferralRef {
  @IsBoolean() urgent!: boolean;
}

export const requestOpenedV1 = defineEvent({
  name: 'referral.request.opened',
  version: 1,
  topic: Topics.referral,
  payload: RequestOpenedV1,
  key: (event) => event.personId,
  subject: (event) => event.referralId,
});
