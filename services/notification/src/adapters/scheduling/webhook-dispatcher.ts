import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommitListener } from '@passerelle/messaging';
import { createLogger } from '@passerelle/observability';
import { PollingLoop, SERVICE_SCHEMA } from '@passerelle/service-kit';
import { WEBHOOK_SETTINGS, WebhookSettings } from '../../application/ports/webhook.ports';
import { DeliverWebhooks } from '../../application/webhooks/deliver-webhooks.use-case';
import { deliveriesChannel } from '../persistence/delivery.sql-repository';

/**
 * Sends due webhooks as soon as their deliveries commit (their NOTIFY wakes the loop), at once
 * again while there are more, and every WEBHOOK_DISPATCH_EVERY_MS for retries coming due and for
 * what a lost LISTEN connection missed.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: PollingLoop;
  private readonly listener: CommitListener;
  private readonly enabled: boolean;

  constructor(deliver: DeliverWebhooks, @Inject(WEBHOOK_SETTINGS) settings: WebhookSettings, @Inject(SERVICE_SCHEMA) schema: string) {
    this.enabled = settings.dispatchEveryMs > 0;
    this.loop = new PollingLoop({
      everyMs: settings.dispatchEveryMs,
      logger: createLogger('notification').child({ component: 'webhook-dispatcher' }),
      round: async () => (await deliver.runOnce()).attempted > 0,
    });
    this.listener = new CommitListener({
      connection: { connectionString: process.env.DATABASE_URL }, channel: deliveriesChannel(schema), onNotify: () => this.loop.wake(),
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
    if (this.enabled) this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener.stop();
    await this.loop.stop();
  }
}
