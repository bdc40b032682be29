import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { detentionRegisteredV1, DetentionRegisteredV1 } from '@passerelle/contracts';
import { ConsumedEvent, HandlesEvent } from '@passerelle/messaging';
import { TrackDetention } from '../../application/track-detention.use-case';

/** Release-calendar's detention events, as they concern referrals. */
@Injectable()
export class DetentionEventsConsumer {
  constructor(private readonly trackDetention: TrackDetention) {}

  /**
   * Keyed by person, so one person's events arrive in order. Runs in the inbox transaction:
   * a redelivered event is dropped by the inbox, and tracking is idempotent anyway.
   */
  @HandlesEvent(detentionRegisteredV1)
  async onDetentionRegistered(event: ConsumedEvent<DetentionRegisteredV1>, tx: EntityManager): Promise<void> {
    await this.trackDetention.execute(tx, event.data);
  }
}
