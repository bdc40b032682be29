import { IsIn } from 'class-validator';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { ALERT_KINDS, ALERT_LEVELS, AlertKindName, AlertLevelName, ReferralRef } from './referral-payloads';

/** An alert on a request: a sortie-sèche risk, an LSC at risk for lack of housing, or a stalled request. */
export class AlertRaisedV1 extends ReferralRef {
  @IsIn(ALERT_KINDS) kind!: AlertKindName;
  @IsIn(ALERT_LEVELS) level!: AlertLevelName;
}

export const alertRaisedV1 = defineEvent({
  name: 'referral.alert.raised',
  version: 1,
  topic: Topics.referral,
  payload: AlertRaisedV1,
  key: (event) => event.personId,
  subject: (event) => event.referralId,
});
