import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate, IsDepartementCode } from '../common/validators';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { SORTIE_SECHE_REASONS, SortieSecheReasonName } from './referral-payloads';

/**
 * Released with no confirmed placement: the headline indicator, with its reason. A person
 * released before any request was opened counts too (`no_request`, no `referralId`).
 */
export class SortieSecheRecordedV1 {
  @IsOptional() @IsUUID() referralId?: string;
  @IsUUID() personId!: string;
  @IsUUID() detentionId!: string;
  @IsDepartementCode() spipDepartement!: string;
  @IsDepartementCode() siaoDepartement!: string;
  @IsCalendarDate() expectedReleaseDate!: string;
  @IsIn(SORTIE_SECHE_REASONS) reason!: SortieSecheReasonName;
  @IsCalendarDate() releasedOn!: string;
}

export const sortieSecheRecordedV1 = defineEvent({
  name: 'referral.sortie-seche.recorded',
  version: 1,
  topic: Topics.referral,
  payload: SortieSecheRecordedV1,
  key: (event) => event.personId,
  subject: (event) => event.referralId ?? event.detentionId,
});
