import { Transaction } from '@passerelle/service-kit';
import { AttemptResult } from '../../domain/webhooks/attempt-outcome';
import { DeliveryState } from '../../domain/webhooks/delivery';
import { Subscription } from '../../domain/webhooks/subscription';

export interface SubscriptionRepository {
  insert(tx: Transaction, subscription: Subscription): Promise<void>;
  update(tx: Transaction, subscription: Subscription): Promise<void>;
  delete(tx: Transaction, id: string): Promise<void>;
  findById(tx: Transaction, id: string): Promise<Subscription | undefined>;
  lockById(tx: Transaction, id: string): Promise<Subscription | undefined>;
  /** Every subscription of an owner, or every one for `'all'`. */
  list(tx: Transaction, ownerSubject: string | 'all'): Promise<Subscription[]>;
  /** Every subscription, whatever its status: a paused or disabled one keeps its deliveries waiting. */
  every(tx: Transaction): Promise<Subscription[]>;
  /** Forgets a run of failures, if there was one, after a success. */
  clearFailing(tx: Transaction, id: string): Promise<void>;
}

export interface AttemptRecord {
  deliveryId: string;
  attemptedAt: Date;
  statusCode?: number;
  error?: string;
  latencyMs: number;
}

export interface DeliveryRepository {
  insertMany(tx: Transaction, deliveries: DeliveryState[]): Promise<void>;
  /**
   * Leases up to `limit` due deliveries of active subscriptions until `leaseUntil`, each the
   * oldest pending one of its subscription and key: one person's webhooks go one after the other.
   */
  claimDue(tx: Transaction, now: Date, leaseUntil: Date, limit: number): Promise<DeliveryState[]>;
  findById(tx: Transaction, id: string): Promise<DeliveryState | undefined>;
  lockById(tx: Transaction, id: string): Promise<DeliveryState | undefined>;
  /** Writes each delivery's state after an attempt (and frees its lease), in one statement. */
  updateMany(tx: Transaction, deliveries: DeliveryState[]): Promise<void>;
  recordAttempts(tx: Transaction, attempts: AttemptRecord[]): Promise<void>;
  history(tx: Transaction, subscriptionId: string, status: string | undefined, limit: number): Promise<Array<DeliveryState & { attemptsLog: AttemptRecord[] }>>;
  /** Makes a delivery due now; a lease in force is kept, so one in flight is never sent twice at once. */
  requeue(tx: Transaction, id: string, now: Date): Promise<DeliveryState | undefined>;
  /** Deletes a subscription's deliveries first: the same lock order as a sending round (delivery, then subscription). */
  deleteOfSubscription(tx: Transaction, subscriptionId: string): Promise<void>;
  /** Puts failed deliveries of a subscription since a time back in the queue; returns how many. */
  requeueFailedSince(tx: Transaction, subscriptionId: string, since: Date, now: Date): Promise<number>;
}

/** A message to a subscription's owner, read in Passerelle (their endpoint may be what is broken). */
export interface OwnerNotice {
  id: string;
  ownerSubject: string;
  subscriptionId: string;
  createdAt: string;
  message: string;
}

export interface OwnerNoticeRepository {
  add(tx: Transaction, notice: OwnerNotice): Promise<void>;
  forOwner(tx: Transaction, ownerSubject: string, limit: number): Promise<OwnerNotice[]>;
}

export interface OutgoingWebhook {
  url: string;
  webhookId: string;
  body: string;
  /** Each signs: during a rotation the old and the new secret both do. */
  secrets: string[];
  correlationId?: string;
}

/** Posts one signed webhook; never follows a redirect, never reaches an address the policy forbids. */
export interface WebhookSender {
  send(webhook: OutgoingWebhook): Promise<AttemptResult>;
}

export const SUBSCRIPTION_REPOSITORY = Symbol('SUBSCRIPTION_REPOSITORY');
export const DELIVERY_REPOSITORY = Symbol('DELIVERY_REPOSITORY');
export const WEBHOOK_SENDER = Symbol('WEBHOOK_SENDER');
export const OWNER_NOTICE_REPOSITORY = Symbol('OWNER_NOTICE_REPOSITORY');
export const WEBHOOK_SETTINGS = Symbol('WEBHOOK_SETTINGS');

export interface WebhookSettings {
  retryScheduleMs: readonly number[];
  timeoutMs: number;
  secretGraceMs: number;
  dispatchEveryMs: number;
  /** Address kinds allowed besides public ones (development: loopback). */
  allowedAddressKinds: ReadonlySet<'loopback' | 'private' | 'link-local' | 'reserved'>;
}
