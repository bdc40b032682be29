import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createLogger } from '@passerelle/observability';
import { PollingLoop } from '@passerelle/service-kit';
import { WEBHOOK_SETTINGS, WebhookSettings } from '../../application/ports/webhook.ports';
import { DeliverWebhooks } from '../../application/webhooks/deliver-webhooks.use-case';

/** Sends due webhooks every WEBHOOK_DISPATCH_EVERY_MS, at once again while there are more. */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: PollingLoop;

  constructor(deliver: DeliverWebhooks, @Inject(WEBHOOK_SETTINGS) settings: WebhookSettings) {
    this.loop = new PollingLoop({
      everyMs: settings.dispatchEveryMs,
      logger: createLogger('notification').child({ component: 'webhook-dispatcher' }),
      round: async () => (await deliver.runOnce()).attempted > 0,
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }
}
