import { IsBoolean } from 'class-validator';
import { IsCalendarDate } from '../common/validators';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { ReferralRef } from './referral-payloads';

/**
 * The expected release date of an open request moved (`expectedReleaseDate` is the new one).
 * On the referral topic, so the SIAO side sees it in order with the request's other events.
 */
export class ReferralReleaseDateChangedV1 extends ReferralRef {
  @IsCalendarDate() previousReleaseDate!: string;
  @IsBoolean() urgent!: boolean;
}

export const referralReleaseDateChangedV1 = defineEvent({
  name: 'referral.release-date.changed',
  version: 1,
  topic: Topics.referral,
  payload: ReferralReleaseDateChangedV1,
  key: (event) => event.personId,
  subject: (event) => event.referralId,
});
