import { IsString, Length } from 'class-validator';
import { IsCalendarDate, IsDepartementCode } from '../common/validators';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { DetentionRef } from './calendar-payloads';

/**
 * Moved to another prison: not a release. The case follows the person; `spipDepartement` is the
 * SPIP now in charge, which may differ from `previousSpipDepartement`.
 */
export class PersonTransferredV1 extends DetentionRef {
  @IsString() @Length(1, 20) fromEstablishmentCode!: string;
  @IsString() @Length(1, 20) toEstablishmentCode!: string;
  @IsString() @Length(1, 200) toEstablishmentName!: string;
  @IsDepartementCode() previousSpipDepartement!: string;
  @IsCalendarDate() transferredOn!: string;
}

export const personTransferredV1 = defineEvent({
  name: 'release-calendar.person.transferred',
  version: 1,
  topic: Topics.releaseCalendar,
  payload: PersonTransferredV1,
  key: (event) => event.personId,
  subject: (event) => event.detentionId,
});
