import { IsIn } from 'class-validator';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { ReferralRef, ALERT_LEVELS, AlertLevelName } from './referral-payloads';

/** A sortie-sèche risk: the release approaches with no confirmed placement. */
export class AlertRaisedV1 extends ReferralRef {
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
