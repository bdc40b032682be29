import { IsIn } from 'class-validator';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { ALERT_KINDS, ALERT_LEVELS, AlertKindName, AlertLevelName, ReferralRef } from './referral-payloads';

/** What the alert was about is over: a placement confirmed, a request submitted or decided. */
export class AlertResolvedV1 extends ReferralRef {
  @IsIn(ALERT_KINDS) kind!: AlertKindName;
  @IsIn(ALERT_LEVELS) level!: AlertLevelName;
}

export const alertResolvedV1 = defineEvent({
  name: 'referral.alert.resolved',
  version: 1,
  topic: Topics.referral,
  payload: AlertResolvedV1,
  key: (event) => event.personId,
  subject: (event) => event.referralId,
});
