import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createLogger } from '@passerelle/observability';
import { PollingLoop } from '@passerelle/service-kit';
import { PublishOutlookChanges } from '../../application/publish-outlook-changes.use-case';

/**
 * Publishes the départements whose outlook changed, and those whose weeks moved on with the day,
 * every INDICATOR_PUBLISH_EVERY_MS (250 by default; 0 turns it off), like the daily figures.
 */
@Injectable()
export class OutlookPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: PollingLoop;

  constructor(publish: PublishOutlookChanges) {
    this.loop = new PollingLoop({
      everyMs: Number(process.env.INDICATOR_PUBLISH_EVERY_MS ?? 250),
      logger: createLogger('notification').child({ component: 'outlook-publisher' }),
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
