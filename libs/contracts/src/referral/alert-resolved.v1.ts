import { IsIn } from 'class-validator';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { ReferralRef, ALERT_LEVELS, AlertLevelName } from './referral-payloads';

/** A placement was confirmed: the sortie-sèche risk is over. */
export class AlertResolvedV1 extends ReferralRef {
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
