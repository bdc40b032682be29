import { Inject, Injectable } from '@nestjs/common';
import { appendRows, rowsOf, schemaIdentifier } from '@passerelle/messaging';
import { SERVICE_SCHEMA, Transaction } from '@passerelle/service-kit';
import { AttemptRecord, DeliveryRepository } from '../../application/ports/webhook.ports';
import { DeliveryState, DeliveryStatus } from '../../domain/webhooks/delivery';

interface Row {
  id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  ordering_key: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
}

const COLUMNS = 'id, subscription_id, event_id, event_type, ordering_key, body, status, attempts, next_attempt_at, last_status_code, last_error, delivered_at';
const INSERTED = 8;

/** NOTIFY channel pinged when deliveries are added, so that the dispatcher wakes at their commit. */
export function deliveriesChannel(schema: string): string {
  return `webhooks_${schemaIdentifier(schema).slice(1, -1)}`;
}
const ATTEMPT_COLUMNS = 5;

@Injectable()
export class DeliverySqlRepository implements DeliveryRepository {
  private readonly schema: string;
  private readonly channel: string;

  constructor(@Inject(SERVICE_SCHEMA) schema: string) {
    this.schema = schemaIdentifier(schema);
    this.channel = deliveriesChannel(schema);
  }

  async insertMany(tx: Transaction, deliveries: DeliveryState[]): Promise<void> {
    if (deliveries.length === 0) return;
    await appendRows(tx, {
      notify: this.channel,
      into: `${this.schema}.webhook_deliveries (id, subscription_id, event_id, event_type, ordering_key, body, status, next_attempt_at)`,
      suffix: 'ON CONFLICT (subscription_id, event_id) DO NOTHING',
      columns: INSERTED,
      rows: deliveries.map((d) => [d.id, d.subscriptionId, d.eventId, d.eventType, d.orderingKey, d.body, d.status, d.nextAttemptAt ?? null]),
    });
  }

  async claimDue(tx: Transaction, now: Date, leaseUntil: Date, limit: number): Promise<DeliveryState[]> {
    const s = this.schema;
    const rows = rowsOf<Row>(await tx.query(
      `UPDATE ${s}.webhook_deliveries d SET leased_until = $2
       WHERE d.id IN (
         SELECT d.id FROM ${s}.webhook_deliveries d JOIN ${s}.webhook_subscriptions sub ON sub.id = d.subscription_id AND sub.status = 'active'
         WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND (d.leased_until IS NULL OR d.leased_until < $1)
           AND NOT EXISTS (SELECT 1 FROM ${s}.webhook_deliveries e
                           WHERE e.subscription_id = d.subscription_id AND e.ordering_key = d.ordering_key AND e.status = 'pending' AND e.seq < d.seq)
         ORDER BY d.next_attempt_at, d.seq LIMIT $3
         FOR UPDATE OF d SKIP LOCKED)
       RETURNING ${COLUMNS.split(', ').map((c) => `d.${c}`).join(', ')}`,
      [now, leaseUntil, limit],
    ));
    return rows.map(toDelivery);
  }

  findById(tx: Transaction, id: string): Promise<DeliveryState | undefined> {
    return this.one(tx, `SELECT ${COLUMNS} FROM ${this.schema}.webhook_deliveries WHERE id = $1`, [id]);
  }

  lockById(tx: Transaction, id: string): Promise<DeliveryState | undefined> {
    return this.one(tx, `SELECT ${COLUMNS} FROM ${this.schema}.webhook_deliveries WHERE id = $1 FOR UPDATE`, [id]);
  }

  async updateMany(tx: Transaction, deliveries: DeliveryState[]): Promise<void> {
    if (deliveries.length === 0) return;
    const rows = deliveries.map((d) => ({
      id: d.id, status: d.status, attempts: d.attempts, next_attempt_at: d.nextAttemptAt ?? null, last_status_code: d.lastStatusCode ?? null,
      last_error: d.lastError ?? null, delivered_at: d.deliveredAt ?? null,
    }));
    await tx.query(
      `UPDATE ${this.schema}.webhook_deliveries d SET status = v.status, attempts = v.attempts, next_attempt_at = v.next_attempt_at,
         last_status_code = v.last_status_code, last_error = v.last_error, delivered_at = v.delivered_at, leased_until = NULL
       FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, status text, attempts integer, next_attempt_at timestamptz, last_status_code integer,
         last_error text, delivered_at timestamptz)
       WHERE d.id = v.id`,
      [JSON.stringify(rows)],
    );
  }

  async recordAttempts(tx: Transaction, attempts: AttemptRecord[]): Promise<void> {
    await appendRows(tx, {
      into: `${this.schema}.webhook_attempts (delivery_id, attempted_at, status_code, error, latency_ms)`,
      columns: ATTEMPT_COLUMNS,
      rows: attempts.map((a) => [a.deliveryId, a.attemptedAt, a.statusCode ?? null, a.error ?? null, Math.round(a.latencyMs)]),
    });
  }

  async history(tx: Transaction, subscriptionId: string, status: string | undefined, limit: number) {
    const deliveries = rowsOf<Row>(await tx.query(
      `SELECT ${COLUMNS} FROM ${this.schema}.webhook_deliveries WHERE subscription_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY seq DESC LIMIT $3`,
      [subscriptionId, status ?? null, limit],
    )).map(toDelivery);
    const attempts = rowsOf<{ delivery_id: string; attempted_at: Date; status_code: number | null; error: string | null; latency_ms: number }>(await tx.query(
      `SELECT delivery_id, attempted_at, status_code, error, latency_ms FROM ${this.schema}.webhook_attempts WHERE delivery_id = ANY($1::uuid[]) ORDER BY id`,
      [deliveries.map((d) => d.id)],
    ));
    return deliveries.map((delivery) => ({
      ...delivery,
      attemptsLog: attempts.filter((a) => a.delivery_id === delivery.id).map((a) => ({
        deliveryId: a.delivery_id, attemptedAt: a.attempted_at, latencyMs: a.latency_ms,
        ...(a.status_code !== null ? { statusCode: a.status_code } : {}), ...(a.error !== null ? { error: a.error } : {}),
      })),
    }));
  }

  async requeue(tx: Transaction, id: string, now: Date): Promise<DeliveryState | undefined> {
    const [row] = rowsOf<Row>(await tx.query(
      `UPDATE ${this.schema}.webhook_deliveries SET status = 'pending', next_attempt_at = $2 WHERE id = $1 RETURNING ${COLUMNS}`, [id, now],
    ));
    return row ? toDelivery(row) : undefined;
  }

  async deleteOfSubscription(tx: Transaction, subscriptionId: string): Promise<void> {
    await tx.query(`DELETE FROM ${this.schema}.webhook_deliveries WHERE subscription_id = $1`, [subscriptionId]);
  }

  async requeueFailedSince(tx: Transaction, subscriptionId: string, since: Date, now: Date): Promise<number> {
    const rows = rowsOf(await tx.query(
      `UPDATE ${this.schema}.webhook_deliveries SET status = 'pending', next_attempt_at = $3, leased_until = NULL
       WHERE subscription_id = $1 AND status = 'failed' AND created_at >= $2 RETURNING id`,
      [subscriptionId, since, now],
    ));
    return rows.length;
  }

  private async one(tx: Transaction, sql: string, params: unknown[]): Promise<DeliveryState | undefined> {
    const [row] = rowsOf<Row>(await tx.query(sql, params));
    return row ? toDelivery(row) : undefined;
  }
}

function toDelivery(row: Row): DeliveryState {
  return {
    id: row.id, subscriptionId: row.subscription_id, eventId: row.event_id, eventType: row.event_type, orderingKey: row.ordering_key,
    body: row.body, status: row.status, attempts: row.attempts,
    ...(row.next_attempt_at ? { nextAttemptAt: row.next_attempt_at.toISOString() } : {}),
    ...(row.last_status_code !== null ? { lastStatusCode: row.last_status_code } : {}),
    ...(row.last_error !== null ? { lastError: row.last_error } : {}),
    ...(row.delivered_at ? { deliveredAt: row.delivered_at.toISOString() } : {}),
  };
}
