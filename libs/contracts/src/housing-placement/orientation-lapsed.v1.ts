import { IsUUID } from 'class-validator';
import { IsCalendarDate } from '../common/validators';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { HousingRequestRef } from './housing-payloads';

/** Three months passed with no entry: the orientation lapsed and its places were given back. */
export class OrientationLapsedV1 extends HousingRequestRef {
  @IsUUID() sessionId!: string;
  @IsCalendarDate() orientedOn!: string;
  @IsCalendarDate() lapsedOn!: string;
}

export const orientationLapsedV1 = defineEvent({
  name: 'housing-placement.orientation.lapsed',
  version: 1,
  topic: Topics.housingPlacement,
  payload: OrientationLapsedV1,
  key: (event) => event.personId,
  subject: (event) => event.requestId,
});
