import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail, AuthenticatedUser } from '@passerelle/auth';
import { Clock, CLOCK, Transaction, UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { kindOfAddress } from '../../domain/webhooks/address-guard';
import { SubscriberRole } from '../../domain/webhooks/subscriber-view';
import { Subscription, SubscriptionRuleError, SubscriptionState } from '../../domain/webhooks/subscription';
import {
  DELIVERY_REPOSITORY, DeliveryRepository, OWNER_NOTICE_REPOSITORY, OwnerNotice, OwnerNoticeRepository, SUBSCRIPTION_REPOSITORY, SubscriptionRepository,
  WEBHOOK_SETTINGS, WebhookSettings,
} from '../ports/webhook.ports';

export class SubscriptionNotFoundError extends Error {
  constructor(what: string, id: string) {
    super(`${what} ${id} not found`);
    this.name = 'SubscriptionNotFoundError';
  }
}

export interface NewSubscription {
  url: string;
  eventTypes: string[];
  departements: string[];
  role: SubscriberRole;
}

/** A subscription as its owner reads it: never the secrets, which are shown once. */
export type SubscriptionView = Omit<SubscriptionState, 'secrets'>;

export function viewOf(subscription: Subscription): SubscriptionView {
  const { secrets: _hidden, ...view } = subscription.snapshot();
  return view;
}

/** Webhook endpoints and their lifecycle; every change is audited. */
@Injectable()
export class SubscriptionCommands {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(SUBSCRIPTION_REPOSITORY) private readonly subscriptions: SubscriptionRepository,
    @Inject(DELIVERY_REPOSITORY) private readonly deliveries: DeliveryRepository,
    @Inject(OWNER_NOTICE_REPOSITORY) private readonly notices: OwnerNoticeRepository,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  create(request: NewSubscription, actor: AuthenticatedUser): Promise<SubscriptionView & { secret: string }> {
    this.assertReachableUrl(request.url);
    if (!actor.hasRole(request.role)) throw new SubscriptionRuleError('role', 'isYourRole', `role must be one of your own roles (${actor.roles.join(', ')})`);
    const outside = request.departements.find((departement) => !actor.mayActOn(departement));
    if (outside) throw new SubscriptionRuleError('departements', 'inYourTerritory', `département ${outside} is not one of yours`);
    const secret = newSecret();
    const subscription = Subscription.create({
      id: randomUUID(), url: request.url, eventTypes: request.eventTypes, departements: request.departements, ownerRole: request.role,
      ownerSubject: actor.subject, secrets: [{ secret }], createdAt: this.clock.now().toISOString(),
    });
    return this.unitOfWork.run(async (tx) => {
      await this.subscriptions.insert(tx, subscription);
      await this.recordAudit(tx, actor, 'create', subscription.snapshot().id);
      return { ...viewOf(subscription), secret };
    });
  }

  /** What Passerelle has to tell the caller about their endpoints, newest first. */
  noticesOf(actor: AuthenticatedUser, limit: number): Promise<OwnerNotice[]> {
    return this.unitOfWork.run((tx) => this.notices.forOwner(tx, actor.subject, limit));
  }

  list(actor: AuthenticatedUser): Promise<SubscriptionView[]> {
    return this.unitOfWork.run(async (tx) => (await this.subscriptions.list(tx, actor.hasRole('admin') ? 'all' : actor.subject)).map(viewOf));
  }

  get(id: string, actor: AuthenticatedUser): Promise<SubscriptionView> {
    return this.unitOfWork.run(async (tx) => viewOf(await this.owned(tx, id, actor, false)));
  }

  pause(id: string, actor: AuthenticatedUser): Promise<SubscriptionView> {
    return this.change(id, actor, (subscription) => subscription.pause());
  }

  resume(id: string, actor: AuthenticatedUser): Promise<SubscriptionView> {
    return this.change(id, actor, (subscription) => subscription.resume());
  }

  /** A new secret, shown once; the old one keeps signing beside it for the grace period. */
  async rotateSecret(id: string, actor: AuthenticatedUser): Promise<SubscriptionView & { secret: string; previousSecretExpiresAt: string }> {
    const secret = newSecret();
    const view = await this.change(id, actor, (subscription) => subscription.rotate(secret, this.clock.now(), this.settings.secretGraceMs));
    return { ...view, secret, previousSecretExpiresAt: new Date(this.clock.now().getTime() + this.settings.secretGraceMs).toISOString() };
  }

  delete(id: string, actor: AuthenticatedUser): Promise<void> {
    return this.unitOfWork.run(async (tx) => {
      await this.owned(tx, id, actor, false);
      await this.deliveries.deleteOfSubscription(tx, id);
      await this.subscriptions.delete(tx, id);
      await this.recordAudit(tx, actor, 'delete', id);
    });
  }

  /** Sends again every failed delivery of the endpoint since a time. */
  replayFailedSince(id: string, since: Date, actor: AuthenticatedUser): Promise<{ requeued: number }> {
    return this.unitOfWork.run(async (tx) => {
      await this.owned(tx, id, actor, true);
      const requeued = await this.deliveries.requeueFailedSince(tx, id, since, this.clock.now());
      await this.recordAudit(tx, actor, 'replay', id);
      return { requeued };
    });
  }

  replayDelivery(deliveryId: string, actor: AuthenticatedUser) {
    return this.unitOfWork.run(async (tx) => {
      const delivery = await this.deliveries.findById(tx, deliveryId);
      if (!delivery) throw new SubscriptionNotFoundError('delivery', deliveryId);
      await this.owned(tx, delivery.subscriptionId, actor, false).catch(() => {
        throw new SubscriptionNotFoundError('delivery', deliveryId);
      });
      const replayed = await this.deliveries.requeue(tx, deliveryId, this.clock.now());
      await this.recordAudit(tx, actor, 'replay', delivery.subscriptionId);
      return replayed!;
    });
  }

  history(id: string, status: string | undefined, limit: number, actor: AuthenticatedUser) {
    return this.unitOfWork.run(async (tx) => {
      await this.owned(tx, id, actor, false);
      return this.deliveries.history(tx, id, status, limit);
    });
  }

  private change(id: string, actor: AuthenticatedUser, apply: (subscription: Subscription) => void): Promise<SubscriptionView> {
    return this.unitOfWork.run(async (tx) => {
      const subscription = await this.owned(tx, id, actor, true);
      apply(subscription);
      await this.subscriptions.update(tx, subscription);
      await this.recordAudit(tx, actor, 'update', id);
      return viewOf(subscription);
    });
  }

  /** Only its owner (or an admin) sees a subscription: anyone else gets a 404. */
  private async owned(tx: Transaction, id: string, actor: AuthenticatedUser, lock: boolean): Promise<Subscription> {
    const subscription = lock ? await this.subscriptions.lockById(tx, id) : await this.subscriptions.findById(tx, id);
    if (!subscription || !(actor.hasRole('admin') || subscription.snapshot().ownerSubject === actor.subject)) throw new SubscriptionNotFoundError('subscription', id);
    return subscription;
  }

  /**
   * HTTPS, or HTTP to loopback where development allows loopback; an address written in the URL
   * must be one webhooks may reach. Names are checked again when each webhook is sent.
   */
  private assertReachableUrl(raw: string): void {
    const url = new URL(raw);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const literal = /^[\d.]+$/.test(host) || host.includes(':');
    const kind = literal ? kindOfAddress(host) : host === 'localhost' ? 'loopback' : 'public';
    if (kind !== 'public' && !this.settings.allowedAddressKinds.has(kind)) {
      throw new SubscriptionRuleError('url', 'publicAddress', `url must not point to a ${kind} address`);
    }
    if (url.protocol === 'https:' || (url.protocol === 'http:' && kind === 'loopback')) return;
    throw new SubscriptionRuleError('url', 'https', 'url must use https (http only to a loopback receiver in development)');
  }

  private recordAudit(tx: Transaction, actor: AuthenticatedUser, action: string, id: string): Promise<void> {
    return this.audit.record(tx, { actor, action, resourceType: 'webhook_subscription', resourceId: id });
  }
}

/** A Standard Webhooks secret: `whsec_` and 24 random bytes in base64. */
function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}
