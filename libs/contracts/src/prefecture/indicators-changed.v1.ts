import { IsInt, IsNumber, IsOptional, Min } from 'class-validator';
import { IsCalendarDate, IsDepartementCode } from '../common/validators';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';

/**
 * A département's figures for one day, after a change: what a dashboard reading Kafka needs.
 * Counts only: never a person. Each new one for the same département and day replaces the last.
 */
export class IndicatorsChangedV1 {
  @IsDepartementCode() departement!: string;
  @IsCalendarDate() day!: string;
  @IsInt() @Min(0) detentionsRegistered!: number;
  /** Detentions whose SIAO window is open on that day (a stock). */
  @IsInt() @Min(0) detentionsInWindow!: number;
  @IsInt() @Min(0) requestsOpened!: number;
  @IsInt() @Min(0) requestsSubmitted!: number;
  @IsInt() @Min(0) requestsOriented!: number;
  @IsInt() @Min(0) placementsConfirmed!: number;
  @IsInt() @Min(0) peopleEntered!: number;
  @IsInt() @Min(0) sortiesSeches!: number;
  @IsInt() @Min(0) openAlertsWatch!: number;
  @IsInt() @Min(0) openAlertsWarning!: number;
  @IsInt() @Min(0) openAlertsCritical!: number;
  @IsInt() @Min(0) lscAtRisk!: number;
  /** Median days from the window's opening to the submission, over the requests submitted that day. */
  @IsOptional() @IsNumber() medianDaysWindowToSubmission?: number;
  /** Median days from the submission to the orientation, over the requests oriented that day. */
  @IsOptional() @IsNumber() medianDaysSubmissionToOrientation?: number;
  @IsInt() @Min(0) reservedPlaces!: number;
  @IsInt() @Min(0) reservedPlacesOccupied!: number;
}

export const indicatorsChangedV1 = defineEvent({
  name: 'prefecture.indicators.changed',
  version: 1,
  topic: Topics.prefectureIndicators,
  payload: IndicatorsChangedV1,
  key: (event) => event.departement,
  subject: (event) => `${event.departement}/${event.day}`,
});
