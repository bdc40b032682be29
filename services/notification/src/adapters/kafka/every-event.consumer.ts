import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DetentionRegisteredV1, detentionRegisteredV1, EVENT_CATALOG } from '@passerelle/contracts';
import { ConsumedEvent, HandlesEvents } from '@passerelle/messaging';
import { Clock, CLOCK } from '@passerelle/service-kit';
import { CountDetentionRegistration } from '../../application/count-detention-registration.use-case';
import { FanOutEvent } from '../../application/webhooks/fan-out-event.use-case';

/**
 * Every event of every service: each may be wanted by a webhook subscription, and some feed the
 * préfecture's figures. Runs in the inbox transaction, so a redelivered event has no second effect.
 */
@Injectable()
export class EveryEventConsumer {
  constructor(
    private readonly fanOut: FanOutEvent,
    private readonly countDetentionRegistration: CountDetentionRegistration,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @HandlesEvents(EVENT_CATALOG)
  async onEvent(event: ConsumedEvent<object>, tx: EntityManager): Promise<void> {
    await this.fanOut.execute(tx, event, this.clock.now());
    if (event.type === detentionRegisteredV1.type) await this.countDetentionRegistration.execute(tx, event.data as DetentionRegisteredV1);
  }
}
