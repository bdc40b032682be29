import { Inject, Injectable } from '@nestjs/common';
import { rowsOf, schemaIdentifier } from '@passerelle/messaging';
import { SERVICE_SCHEMA, Transaction } from '@passerelle/service-kit';
import { SubscriptionRepository } from '../../application/ports/webhook.ports';
import { SubscriberRole } from '../../domain/webhooks/subscriber-view';
import { SigningSecret, Subscription, SubscriptionStatus } from '../../domain/webhooks/subscription';

interface Row {
  id: string;
  url: string;
  event_types: string[];
  departements: string[];
  owner_role: SubscriberRole;
  owner_subject: string;
  status: SubscriptionStatus;
  disabled_reason: string | null;
  secrets: SigningSecret[];
  failing_since: Date | null;
  created_at: Date;
}

const COLUMNS = 'id, url, event_types, departements, owner_role, owner_subject, status, disabled_reason, secrets, failing_since, created_at';

@Injectable()
export class SubscriptionSqlRepository implements SubscriptionRepository {
  private readonly table: string;

  constructor(@Inject(SERVICE_SCHEMA) schema: string) {
    this.table = `${schemaIdentifier(schema)}.webhook_subscriptions`;
  }

  async insert(tx: Transaction, subscription: Subscription): Promise<void> {
    await tx.query(`INSERT INTO ${this.table} (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, valuesOf(subscription));
  }

  async update(tx: Transaction, subscription: Subscription): Promise<void> {
    await tx.query(
      `UPDATE ${this.table} SET url = $2, event_types = $3, departements = $4, owner_role = $5, owner_subject = $6, status = $7,
         disabled_reason = $8, secrets = $9, failing_since = $10, created_at = $11 WHERE id = $1`,
      valuesOf(subscription),
    );
  }

  async delete(tx: Transaction, id: string): Promise<void> {
    await tx.query(`DELETE FROM ${this.table} WHERE id = $1`, [id]);
  }

  findById(tx: Transaction, id: string): Promise<Subscription | undefined> {
    return this.one(tx, `SELECT ${COLUMNS} FROM ${this.table} WHERE id = $1`, [id]);
  }

  lockById(tx: Transaction, id: string): Promise<Subscription | undefined> {
    return this.one(tx, `SELECT ${COLUMNS} FROM ${this.table} WHERE id = $1 FOR UPDATE`, [id]);
  }

  async list(tx: Transaction, ownerSubject: string | 'all'): Promise<Subscription[]> {
    const rows = rowsOf<Row>(ownerSubject === 'all'
      ? await tx.query(`SELECT ${COLUMNS} FROM ${this.table} ORDER BY created_at, id`)
      : await tx.query(`SELECT ${COLUMNS} FROM ${this.table} WHERE owner_subject = $1 ORDER BY created_at, id`, [ownerSubject]));
    return rows.map(toSubscription);
  }

  async every(tx: Transaction): Promise<Subscription[]> {
    return rowsOf<Row>(await tx.query(`SELECT ${COLUMNS} FROM ${this.table}`)).map(toSubscription);
  }

  async clearFailing(tx: Transaction, id: string): Promise<void> {
    await tx.query(`UPDATE ${this.table} SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL`, [id]);
  }

  private async one(tx: Transaction, sql: string, params: unknown[]): Promise<Subscription | undefined> {
    const [row] = rowsOf<Row>(await tx.query(sql, params));
    return row ? toSubscription(row) : undefined;
  }
}

function valuesOf(subscription: Subscription): unknown[] {
  const s = subscription.snapshot();
  return [s.id, s.url, s.eventTypes, s.departements, s.ownerRole, s.ownerSubject, s.status, s.disabledReason ?? null, JSON.stringify(s.secrets),
    s.failingSince ?? null, s.createdAt];
}

function toSubscription(row: Row): Subscription {
  return Subscription.restore({
    id: row.id, url: row.url, eventTypes: row.event_types, departements: row.departements, ownerRole: row.owner_role, ownerSubject: row.owner_subject,
    status: row.status, secrets: row.secrets, createdAt: row.created_at.toISOString(),
    ...(row.disabled_reason ? { disabledReason: row.disabled_reason } : {}),
    ...(row.failing_since ? { failingSince: row.failing_since.toISOString() } : {}),
  });
}
