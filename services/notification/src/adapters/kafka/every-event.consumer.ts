import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EVENT_CATALOG, Topics } from '@passerelle/contracts';
import { ConsumedEvent, HandlesEvents, PreparesEvents } from '@passerelle/messaging';
import { Clock, CLOCK } from '@passerelle/service-kit';
import { ProjectIndicators } from '../../application/project-indicators.use-case';
import { ProjectOutlook } from '../../application/project-outlook.use-case';
import { FanOutEvent } from '../../application/webhooks/fan-out-event.use-case';

/** Every other service's events: never its own figures, which would come back to it for nothing. */
const CONSUMED = EVENT_CATALOG.filter((descriptor) => descriptor.topic !== Topics.prefectureIndicators);

/**
 * Every event of every service: each may be wanted by a webhook subscription, and some feed the
 * préfecture's figures and outlook. Runs in the inbox transaction, so a redelivered event has no second effect.
 */
@Injectable()
export class EveryEventConsumer {
  constructor(
    private readonly fanOut: FanOutEvent,
    private readonly projectIndicators: ProjectIndicators,
    private readonly projectOutlook: ProjectOutlook,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The figures need no order with the deliveries and the outlook: a transaction's events feed them at once. */
  @PreparesEvents()
  prepare(events: ConsumedEvent<object>[], tx: EntityManager): Promise<void> {
    return this.projectIndicators.execute(tx, events);
  }

  @HandlesEvents(CONSUMED)
  async onEvent(event: ConsumedEvent<object>, tx: EntityManager): Promise<void> {
    await this.fanOut.execute(tx, event, this.clock.now());
    await this.projectOutlook.execute(tx, event);
  }
}
