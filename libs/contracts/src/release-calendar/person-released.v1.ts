import { IsIn } from 'class-validator';
import { IsCalendarDate } from '../common/validators';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { DetentionRef } from './calendar-payloads';
import { RELEASE_KINDS, ReleaseKind } from './release-kind';

/** The person left prison: with no confirmed placement, the referral service records a sortie sèche. */
export class PersonReleasedV1 extends DetentionRef {
  @IsCalendarDate() releasedOn!: string;
  @IsIn(RELEASE_KINDS) releaseKind!: ReleaseKind;
}

export const personReleasedV1 = defineEvent({
  name: 'release-calendar.person.released',
  version: 1,
  topic: Topics.releaseCalendar,
  payload: PersonReleasedV1,
  key: (event) => event.personId,
  subject: (event) => event.detentionId,
});
