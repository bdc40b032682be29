import { IsIn } from 'class-validator';
import { IsCalendarDate } from '../common/validators';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { ReferralRef, SORTIE_SECHE_REASONS, SortieSecheReasonName } from './referral-payloads';

/** Released with no confirmed placement: the headline indicator, with its reason. */
export class SortieSecheRecordedV1 extends ReferralRef {
  @IsIn(SORTIE_SECHE_REASONS) reason!: SortieSecheReasonName;
  @IsCalendarDate() releasedOn!: string;
}

export const sortieSecheRecordedV1 = defineEvent({
  name: 'referral.sortie-seche.recorded',
  version: 1,
  topic: Topics.referral,
  payload: SortieSecheRecordedV1,
  key: (event) => event.personId,
  subject: (event) => event.referralId,
});
