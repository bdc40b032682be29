import { IsCalendarDate } from '../common/validators';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { DetentionRef } from './calendar-payloads';

/** The release date moved back out of the window: the SIAO request waits until it reopens. */
export class WindowClosedV1 extends DetentionRef {
  @IsCalendarDate() closedOn!: string;
  @IsCalendarDate() opensOn!: string;
}

export const windowClosedV1 = defineEvent({
  name: 'release-calendar.window.closed',
  version: 1,
  topic: Topics.releaseCalendar,
  payload: WindowClosedV1,
  key: (event) => event.personId,
  subject: (event) => event.detentionId,
});
