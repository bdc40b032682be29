import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createLogger } from '@passerelle/observability';
import { PollingLoop } from '@passerelle/service-kit';
import { PublishOutlookChanges } from '../../application/publish-outlook-changes.use-case';

/**
 * Publishes the départements whose outlook changed, and those whose weeks moved on with the day,
 * every OUTLOOK_PUBLISH_EVERY_MS (10,000 by default; 0 turns it off), work or not: a 12-week outlook
 * needs no second-by-second refresh, and at 100 date changes a second each département's changes
 * then cost one computation per pause instead of one per change.
 */
@Injectable()
export class OutlookPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: PollingLoop;

  constructor(publish: PublishOutlookChanges) {
    this.loop = new PollingLoop({
      everyMs: Number(process.env.OUTLOOK_PUBLISH_EVERY_MS ?? 10_000),
      steady: true,
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
