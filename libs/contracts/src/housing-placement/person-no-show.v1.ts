import { IsUUID } from 'class-validator';
import { IsCalendarDate } from '../common/validators';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { HousingRequestRef } from './housing-payloads';

/** The person did not arrive at the confirmed place. */
export class PersonNoShowV1 extends HousingRequestRef {
  @IsUUID() placementId!: string;
  @IsUUID() structureId!: string;
  @IsCalendarDate() expectedOn!: string;
}

export const personNoShowV1 = defineEvent({
  name: 'housing-placement.person.no-show',
  version: 1,
  topic: Topics.housingPlacement,
  payload: PersonNoShowV1,
  key: (event) => event.personId,
  subject: (event) => event.requestId,
});
