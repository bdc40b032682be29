import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { detentionRegisteredV1, DetentionRegisteredV1 } from '@passerelle/contracts';
import { ConsumedEvent, HandlesEvent } from '@passerelle/messaging';
import { CountDetentionRegistration } from '../../application/count-detention-registration.use-case';

/** Release-calendar's detention events, as they feed the préfecture indicators. */
@Injectable()
export class DetentionEventsConsumer {
  constructor(private readonly countDetentionRegistration: CountDetentionRegistration) {}

  /**
   * Runs in the inbox transaction: the increment commits with the inbox row, so a redelivered
   * event (same source and id) is dropped and never counted twice.
   */
  @HandlesEvent(detentionRegisteredV1)
  async onDetentionRegistered(event: ConsumedEvent<DetentionRegisteredV1>, tx: EntityManager): Promise<void> {
    await this.countDetentionRegistration.execute(tx, event.data);
  }
}
