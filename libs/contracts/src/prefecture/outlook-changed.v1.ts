import { ArrayMaxSize, ArrayMinSize, IsInt, Min } from 'class-validator';
import { Nested } from '../common/nested';
import { IsCalendarDate, IsDepartementCode } from '../common/validators';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';

/** One calendar week of the outlook, Monday to Sunday (Europe/Paris). Counts only. */
export class OutlookWeekV1 {
  @IsCalendarDate() weekStart!: string;
  @IsCalendarDate() weekEnd!: string;
  /** People still in prison whose expected release, bound for the département, falls in the week. */
  @IsInt() @Min(0) releasesExpected!: number;
  /** Of those, the ones with no placement holding a place (none confirmed, or each since cancelled, declined or no-show). */
  @IsInt() @Min(0) releasesWithoutPlacement!: number;
  /** Places fléchées justice of the département's structures free on the week's Sunday, so for anyone released that week. */
  @IsInt() @Min(0) reservedPlacesFree!: number;
  /** releasesWithoutPlacement − reservedPlacesFree: positive when places are missing. */
  @IsInt() gap!: number;
}

/**
 * A département's 12-week outlook, after a change of its figures or when the weeks moved on.
 * Figures only: never a person. Each new one for the same département replaces the last.
 */
export class OutlookChangedV1 {
  @IsDepartementCode() departement!: string;
  /** The day (Europe/Paris) the outlook was computed for: its first week holds it. */
  @IsCalendarDate() asOf!: string;
  @ArrayMinSize(12) @ArrayMaxSize(12) @Nested(() => OutlookWeekV1, { each: true }) weeks!: OutlookWeekV1[];
}

export const outlookChangedV1 = defineEvent({
  name: 'prefecture.outlook.changed',
  version: 1,
  topic: Topics.prefectureIndicators,
  payload: OutlookChangedV1,
  key: (event) => event.departement,
  subject: (event) => `${event.departement}/outlook`,
});
