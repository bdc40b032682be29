import { IsBoolean, IsString, Length } from 'class-validator';
import { IsCalendarDate } from '../common/validators';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { DetentionRef, NestedIdentity, PersonIdentity } from './calendar-payloads';

/** The reliquat reached the département's threshold (or the person arrived inside it): a SIAO request is due. */
export class WindowOpenedV1 extends DetentionRef {
  @IsCalendarDate() opensOn!: string;
  /** The release is near (at most 90 days away): a short sentence, to be treated first. */
  @IsBoolean() urgent!: boolean;
  @IsString() @Length(1, 20) establishmentCode!: string;
  @IsString() @Length(1, 200) establishmentName!: string;
  @NestedIdentity() identity!: PersonIdentity;
}

export const windowOpenedV1 = defineEvent({
  name: 'release-calendar.window.opened',
  version: 1,
  topic: Topics.releaseCalendar,
  payload: WindowOpenedV1,
  key: (event) => event.personId,
  subject: (event) => event.detentionId,
});
