import { IsString, IsUUID, Length } from 'class-validator';
import { Nested } from '../common/nested';
import { IsCalendarDate, IsDepartementCode } from '../common/validators';

/** Who and where: the routing part every release-calendar event about a detention carries. */
export class DetentionRef {
  @IsUUID() detentionId!: string;
  @IsUUID() personId!: string;
  @IsDepartementCode() spipDepartement!: string;
  @IsDepartementCode() destinationDepartement!: string;
  @IsCalendarDate() expectedReleaseDate!: string;
}

/** Identity as the prison gives it: only in the events the SIAO request is opened from. */
export class PersonIdentity {
  @IsString() @Length(1, 100) lastName!: string;
  @IsString() @Length(1, 200) firstNames!: string;
  @IsCalendarDate() birthDate!: string;
}

export const NestedIdentity = (): PropertyDecorator => Nested(() => PersonIdentity);
