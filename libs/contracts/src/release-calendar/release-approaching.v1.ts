import { IsInt, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../common/validators';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { DetentionRef } from './calendar-payloads';

/** One of the département's milestones before release (by default 90, 30, 7 and 1 days) was reached. */
export class ReleaseApproachingV1 extends DetentionRef {
  @IsInt() @Min(1) @Max(366) daysBefore!: number;
  @IsCalendarDate() milestoneOn!: string;
}

export const releaseApproachingV1 = defineEvent({
  name: 'release-calendar.release.approaching',
  version: 1,
  topic: Topics.releaseCalendar,
  payload: ReleaseApproachingV1,
  key: (event) => event.personId,
  subject: (event) => event.detentionId,
});
