import { IsIn, IsISO8601, IsString, IsUUID, Length } from 'class-validator';
import { IsCalendarDate, IsDepartementCode } from '../common/validators';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { RELEASE_KINDS, ReleaseKind } from './release-kind';

/** A person entered the calendar: no identity travels here, only what routing and figures need. */
export class DetentionRegisteredV1 {
  @IsUUID() detentionId!: string;
  @IsUUID() personId!: string;
  @IsString() @Length(1, 20) establishmentCode!: string;
  @IsDepartementCode() spipDepartement!: string;
  @IsDepartementCode() destinationDepartement!: string;
  @IsCalendarDate() expectedReleaseDate!: string;
  @IsIn(RELEASE_KINDS) expectedReleaseKind!: ReleaseKind;
  @IsISO8601({ strict: true }) registeredAt!: string;
}

export const detentionRegisteredV1 = defineEvent({
  name: 'release-calendar.detention.registered',
  version: 1,
  topic: Topics.releaseCalendar,
  payload: DetentionRegisteredV1,
  key: (event) => event.personId,
  subject: (event) => event.detentionId,
});
