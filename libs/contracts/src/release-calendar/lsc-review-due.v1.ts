import { IsCalendarDate } from '../common/validators';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { DetentionRef } from './calendar-payloads';

/**
 * Total sentence of at most 2 years: the automatic LSC is examined on `reviewOn` (reliquat of
 * 3 months) and the person must be told a month before. Refused without housing.
 */
export class LscReviewDueV1 extends DetentionRef {
  @IsCalendarDate() reviewOn!: string;
}

export const lscReviewDueV1 = defineEvent({
  name: 'release-calendar.lsc.review-due',
  version: 1,
  topic: Topics.releaseCalendar,
  payload: LscReviewDueV1,
  key: (event) => event.personId,
  subject: (event) => event.detentionId,
});
