import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createLogger } from '@passerelle/observability';
import { PollingLoop } from '@passerelle/service-kit';
import { PublishIndicatorChanges } from '../../application/publish-indicator-changes.use-case';

/**
 * Publishes the days whose figures changed every INDICATOR_PUBLISH_EVERY_MS (1,000 by default; 0 turns
 * it off), work or not: a burst of events costs a round a second, not one round per event, and a
 * dashboard's figure is at most a second late.
 */
@Injectable()
export class IndicatorPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: PollingLoop;

  constructor(publish: PublishIndicatorChanges) {
    this.loop = new PollingLoop({
      everyMs: Number(process.env.INDICATOR_PUBLISH_EVERY_MS ?? 1_000),
      steady: true,
      logger: createLogger('notification').child({ component: 'indicator-publisher' }),
      round: async () => (await publish.runOnce()) > 0,
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
