import { IsIn } from 'class-validator';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { ALERT_KINDS, ALERT_LEVELS, AlertKindName, AlertLevelName, ReferralRef } from './referral-payloads';

/** The release came closer with still nothing confirmed: the alert goes up a level. */
export class AlertEscalatedV1 extends ReferralRef {
  @IsIn(ALERT_LEVELS) from!: AlertLevelName;
  @IsIn(ALERT_KINDS) kind!: AlertKindName;
  @IsIn(ALERT_LEVELS) level!: AlertLevelName;
}

export const alertEscalatedV1 = defineEvent({
  name: 'referral.alert.escalated',
  version: 1,
  topic: Topics.referral,
  payload: AlertEscalatedV1,
  key: (event) => event.personId,
  subject: (event) => event.referralId,
});
