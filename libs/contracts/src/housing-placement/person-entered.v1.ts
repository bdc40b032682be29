import { IsUUID } from 'class-validator';
import { IsCalendarDate } from '../common/validators';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { HousingRequestRef } from './housing-payloads';

/** The person arrived at the structure after release: housed. */
export class PersonEnteredV1 extends HousingRequestRef {
  @IsUUID() placementId!: string;
  @IsUUID() structureId!: string;
  @IsCalendarDate() enteredOn!: string;
}

export const personEnteredV1 = defineEvent({
  name: 'housing-placement.person.entered',
  version: 1,
  topic: Topics.housingPlacement,
  payload: PersonEnteredV1,
  key: (event) => event.personId,
  subject: (event) => event.requestId,
});
