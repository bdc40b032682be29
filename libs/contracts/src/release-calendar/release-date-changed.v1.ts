import { IsIn, IsISO8601 } from 'class-validator';
import { IsCalendarDate } from '../common/validators';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { DetentionRef } from './calendar-payloads';

/** Why a release date moves (DOMAIN.md: dates move many times before the day). */
export const RELEASE_DATE_CHANGE_REASONS = [
  'reduction_de_peine',
  'retrait_reduction',
  'amenagement_lc',
  'amenagement_pe',
  'amenagement_semi_liberte',
  'amenagement_ddse',
  'lsc',
  'new_conviction',
  'correction',
] as const;

export type ReleaseDateChangeReason = (typeof RELEASE_DATE_CHANGE_REASONS)[number];

export class ReleaseDateChangedV1 extends DetentionRef {
  @IsCalendarDate() previousReleaseDate!: string;
  @IsIn(RELEASE_DATE_CHANGE_REASONS) reason!: ReleaseDateChangeReason;
  @IsISO8601({ strict: true }) changedAt!: string;
}

export const releaseDateChangedV1 = defineEvent({
  name: 'release-calendar.release-date.changed',
  version: 1,
  topic: Topics.releaseCalendar,
  payload: ReleaseDateChangedV1,
  key: (event) => event.personId,
  subject: (event) => event.detentionId,
});
