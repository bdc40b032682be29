import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { createLogger } from '@passerelle/observability';
import { Clock, CLOCK, UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { afterAttempt, AttemptOutcome, DeliveryState } from '../../domain/webhooks/delivery';
import { Subscription } from '../../domain/webhooks/subscription';
import {
  AttemptRecord, DELIVERY_REPOSITORY, DeliveryRepository, OWNER_NOTICE_REPOSITORY, OwnerNoticeRepository, SUBSCRIPTION_REPOSITORY, SubscriptionRepository, WEBHOOK_SENDER, WEBHOOK_SETTINGS, WebhookSender,
  WebhookSettings,
} from '../ports/webhook.ports';

const BATCH = 100;
const logger = createLogger('notification').child({ component: 'webhooks' });

/**
 * Sends what is due: leases a batch (so another instance or a crash never sends it twice at the
 * same time), posts each, then records the attempt and what it means for the endpoint.
 */
@Injectable()
export class DeliverWebhooks {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(SUBSCRIPTION_REPOSITORY) private readonly subscriptions: SubscriptionRepository,
    @Inject(DELIVERY_REPOSITORY) private readonly deliveries: DeliveryRepository,
    @Inject(WEBHOOK_SENDER) private readonly sender: WebhookSender,
    @Inject(OWNER_NOTICE_REPOSITORY) private readonly notices: OwnerNoticeRepository,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One round; returns how many deliveries were attempted (a full batch means: call again). */
  async runOnce(): Promise<{ attempted: number }> {
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + this.settings.timeoutMs * 2);
    const due = await this.unitOfWork.run((tx) => this.deliveries.claimDue(tx, now, leaseUntil, BATCH));
    const subscriptions = await this.unitOfWork.run(async (tx) => new Map(await Promise.all(
      [...new Set(due.map((delivery) => delivery.subscriptionId))].map(async (id) => [id, await this.subscriptions.findById(tx, id)] as const),
    )));
    const attempts = (await Promise.all(due.map((delivery) => this.attempt(delivery, subscriptions.get(delivery.subscriptionId)))))
      .filter((attempt): attempt is Attempt => attempt !== undefined);
    await this.recordSuccesses(attempts.filter(({ outcome }) => outcome.succeeded));
    await Promise.all(attempts.filter(({ outcome }) => !outcome.succeeded).map((attempt) => this.recordFailure(attempt)));
    return { attempted: due.length };
  }

  private async attempt(delivery: DeliveryState, subscription: Subscription | undefined): Promise<Attempt | undefined> {
    if (!subscription) return undefined;
    const { url } = subscription.snapshot();
    const result = await this.sender.send({
      url, webhookId: delivery.id, body: delivery.body, secrets: subscription.signingSecrets(this.clock.now()),
      correlationId: (JSON.parse(delivery.body) as { correlationid?: string }).correlationid,
    });
    const at = this.clock.now();
    const outcome = afterAttempt(delivery, result, at, this.settings.retryScheduleMs, Math.random);
    return {
      delivery, at, outcome,
      record: { deliveryId: delivery.id, attemptedAt: at, latencyMs: result.latencyMs, ...(result.kind === 'answered' ? { statusCode: result.status } : { error: result.error }) },
    };
  }

  /**
   * A round's successes in one transaction of a few statements, whatever their number: one per
   * delivery made the bookkeeping cost more than the webhooks. A success only clears a run of
   * failures (once per subscription, and only if there was one), so healthy endpoints never wait
   * on one another's locks.
   */
  private async recordSuccesses(attempts: Attempt[]): Promise<void> {
    if (attempts.length === 0) return;
    await this.unitOfWork.run(async (tx) => {
      await this.deliveries.updateMany(tx, attempts.map(({ outcome }) => outcome.delivery));
      await this.deliveries.recordAttempts(tx, attempts.map(({ record }) => record));
      for (const id of new Set(attempts.map(({ delivery }) => delivery.subscriptionId))) await this.subscriptions.clearFailing(tx, id);
    });
  }

  /** A failure may disable its endpoint: each in its own transaction, under the subscription's lock. */
  private recordFailure({ delivery, at, outcome, record }: Attempt): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      await this.deliveries.updateMany(tx, [outcome.delivery]);
      await this.deliveries.recordAttempts(tx, [record]);
      const locked = await this.subscriptions.lockById(tx, delivery.subscriptionId);
      if (!locked) return;
      if (locked.failed(at, outcome.endpointGone)) {
        const { id, ownerSubject, url, disabledReason } = locked.snapshot();
        await this.notices.add(tx, {
          id: randomUUID(), ownerSubject, subscriptionId: id, createdAt: at.toISOString(),
          message: `Your webhook endpoint ${url} was disabled (${disabledReason}). Fix it, then resume the subscription and replay its failed deliveries.`,
        });
        logger.warn({ subscriptionId: id, owner: ownerSubject, reason: disabledReason }, 'webhook endpoint disabled; its owner has a notice');
      }
      await this.subscriptions.update(tx, locked);
    });
  }
}

interface Attempt {
  delivery: DeliveryState;
  at: Date;
  outcome: AttemptOutcome;
  record: AttemptRecord;
}
