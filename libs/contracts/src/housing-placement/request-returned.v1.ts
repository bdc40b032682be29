import { ArrayMaxSize, ArrayMinSize, IsString, Length } from 'class-validator';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { HousingRequestRef } from './housing-payloads';

/** The completeness check failed: the request goes back to the SPIP with what is missing. */
export class RequestReturnedV1 extends HousingRequestRef {
  @ArrayMinSize(1) @ArrayMaxSize(30) @IsString({ each: true }) @Length(1, 200, { each: true }) missing!: string[];
}

export const requestReturnedV1 = defineEvent({
  name: 'housing-placement.request.returned',
  version: 1,
  topic: Topics.housingPlacement,
  payload: RequestReturnedV1,
  key: (event) => event.personId,
  subject: (event) => event.requestId,
});
