import { IsUUID } from 'class-validator';
import { IsCalendarDate } from '../common/validators';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { HousingRequestRef } from './housing-payloads';

/** The request is on the agenda of a commission session. */
export class RequestScheduledV1 extends HousingRequestRef {
  @IsUUID() sessionId!: string;
  @IsCalendarDate() sessionDate!: string;
}

export const requestScheduledV1 = defineEvent({
  name: 'housing-placement.request.scheduled',
  version: 1,
  topic: Topics.housingPlacement,
  payload: RequestScheduledV1,
  key: (event) => event.personId,
  subject: (event) => event.requestId,
});
