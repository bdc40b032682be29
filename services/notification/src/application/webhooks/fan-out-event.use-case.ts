import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConsumedEvent } from '@passerelle/messaging';
import { Transaction } from '@passerelle/service-kit';
import { DeliveryState } from '../../domain/webhooks/delivery';
import { payloadFor } from '../../domain/webhooks/subscriber-view';
import { Subscription } from '../../domain/webhooks/subscription';
import { DELIVERY_REPOSITORY, DeliveryRepository, SUBSCRIPTION_REPOSITORY, SubscriptionRepository } from '../ports/webhook.ports';

/**
 * Turns a consumed event into one durable delivery per subscription that wants it, in the inbox
 * transaction: a redelivered event makes no second delivery, a crash loses none.
 */
@Injectable()
export class FanOutEvent {
  /**
   * The subscriptions are read once per transaction: a consumer handles a partition's records in
   * shared transactions, and reading them again for each record was a statement per event for the
   * same rows. A subscription changed meanwhile is seen from the next transaction on.
   */
  private readonly subscriptionsIn = new WeakMap<Transaction, Promise<Subscription[]>>();

  constructor(
    @Inject(SUBSCRIPTION_REPOSITORY) private readonly subscriptions: SubscriptionRepository,
    @Inject(DELIVERY_REPOSITORY) private readonly deliveries: DeliveryRepository,
  ) {}

  async execute(tx: Transaction, event: ConsumedEvent<object>, now: Date): Promise<void> {
    const data = event.data as Record<string, unknown>;
    const wanting = (await this.everySubscription(tx)).filter((subscription) => subscription.wants(event.type, data, event.time));
    await this.deliveries.insertMany(tx, wanting.map((subscription) => deliveryOf(subscription, event, data, now)));
  }

  private everySubscription(tx: Transaction): Promise<Subscription[]> {
    let read = this.subscriptionsIn.get(tx);
    if (!read) this.subscriptionsIn.set(tx, (read = this.subscriptions.every(tx)));
    return read;
  }
}

function deliveryOf(subscription: Subscription, event: ConsumedEvent<object>, data: Record<string, unknown>, now: Date): DeliveryState {
  const { id, ownerRole } = subscription.snapshot();
  const body = JSON.stringify({
    specversion: '1.0', id: event.id, source: event.source, type: event.type, time: event.time, subject: event.subject,
    datacontenttype: 'application/json', correlationid: event.correlationId, data: payloadFor(ownerRole, data),
  });
  return {
    id: randomUUID(), subscriptionId: id, eventId: event.id, eventType: event.type, orderingKey: event.key, body,
    status: 'pending', attempts: 0, nextAttemptAt: now.toISOString(),
  };
}
