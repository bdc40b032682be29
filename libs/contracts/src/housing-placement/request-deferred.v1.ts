import { IsIn, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../common/validators';
import { defineEvent } from '../event-descriptor';
import { Topics } from '../topics';
import { HousingRequestRef, DEFERRAL_REASONS, DeferralReasonName } from './housing-payloads';

/** Ajournement: the commission will look at the request again on `reconsiderOn`. */
export class RequestDeferredV1 extends HousingRequestRef {
  @IsUUID() sessionId!: string;
  @IsIn(DEFERRAL_REASONS) reason!: DeferralReasonName;
  @IsCalendarDate() reconsiderOn!: string;
}

export const requestDeferredV1 = defineEvent({
  name: 'housing-placement.request.deferred',
  version: 1,
  topic: Topics.housingPlacement,
  payload: RequestDeferredV1,
  key: (event) => event.personId,
  subject: (event) => event.requestId,
});
