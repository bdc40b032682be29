import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createLogger } from '@passerelle/observability';
import { WEBHOOK_SETTINGS, WebhookSettings } from '../../application/ports/webhook.ports';
import { DeliverWebhooks } from '../../application/webhooks/deliver-webhooks.use-case';

const logger = createLogger('notification').child({ component: 'webhook-dispatcher' });

/**
 * Sends due webhooks every WEBHOOK_DISPATCH_EVERY_MS, at once again while batches come full.
 * A failed round is logged and the next one retries; stopping waits for the round in flight.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private round: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly deliver: DeliverWebhooks,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.dispatchEveryMs > 0) this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round = this.deliver.runOnce()
        .then(({ attempted }) => this.schedule(attempted > 0 ? 0 : this.settings.dispatchEveryMs))
        .catch((error) => {
          logger.error({ err: error }, 'webhook round failed; the next one retries');
          this.schedule(this.settings.dispatchEveryMs);
        });
    }, delayMs);
  }
}
