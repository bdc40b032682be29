import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { HousingRequestRef, REFUSAL_REASONS, RefusalReasonName } from './housing-payloads';

/** The commission refused the request. */
export class RequestRefusedV1 extends HousingRequestRef {
  @IsUUID() sessionId!: string;
  @IsIn(REFUSAL_REASONS) reason!: RefusalReasonName;
}

export const requestRefusedV1 = defineEvent({
  name: 'housing-placement.request.refused',
  version: 1,
  topic: Topics.housingPlacement,
  payload: RequestRefusedV1,
  key: (event) => event.personId,
  subject: (event) => event.requestId,
});
