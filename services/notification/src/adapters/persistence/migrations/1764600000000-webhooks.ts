import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema, runStatements } from '@passerelle/service-kit';

/** Webhook subscriptions, their durable deliveries, every attempt, and the notices to their owners. */
export class Webhooks1764600000000 implements MigrationInterface {
  name = 'Webhooks1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await runStatements(queryRunner, [
      `CREATE TABLE ${s}.webhook_subscriptions (
        id uuid PRIMARY KEY,
        url text NOT NULL,
        event_types text[] NOT NULL,
        departements text[] NOT NULL,
        owner_role text NOT NULL,
        owner_subject text NOT NULL,
        status text NOT NULL,
        disabled_reason text,
        secrets jsonb NOT NULL,
        failing_since timestamptz,
        created_at timestamptz NOT NULL
      )`,
      `CREATE INDEX webhook_subscriptions_owner_idx ON ${s}.webhook_subscriptions (owner_subject)`,
      `CREATE TABLE ${s}.webhook_deliveries (
        seq bigserial UNIQUE,
        id uuid PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES ${s}.webhook_subscriptions (id) ON DELETE CASCADE,
        event_id text NOT NULL,
        event_type text NOT NULL,
        ordering_key text NOT NULL,
        body text NOT NULL,
        status text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        leased_until timestamptz,
        last_status_code integer,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (subscription_id, event_id)
      )`,
      `CREATE INDEX webhook_deliveries_due_idx ON ${s}.webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
      `CREATE INDEX webhook_deliveries_chain_idx ON ${s}.webhook_deliveries (subscription_id, ordering_key, seq) WHERE status = 'pending'`,
      `CREATE INDEX webhook_deliveries_history_idx ON ${s}.webhook_deliveries (subscription_id, seq DESC)`,
      `CREATE TABLE ${s}.webhook_attempts (
        id bigserial PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES ${s}.webhook_deliveries (id) ON DELETE CASCADE,
        attempted_at timestamptz NOT NULL,
        status_code integer,
        error text,
        latency_ms integer NOT NULL
      )`,
      `CREATE INDEX webhook_attempts_delivery_idx ON ${s}.webhook_attempts (delivery_id, id)`,
      `CREATE TABLE ${s}.owner_notices (
        id uuid PRIMARY KEY, owner_subject text NOT NULL, subscription_id uuid NOT NULL, created_at timestamptz NOT NULL, message text NOT NULL
      )`,
      `CREATE INDEX owner_notices_owner_idx ON ${s}.owner_notices (owner_subject, created_at DESC)`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await runStatements(queryRunner, ['owner_notices', 'webhook_attempts', 'webhook_deliveries', 'webhook_subscriptions'].map((table) => `DROP TABLE ${s}.${table}`));
  }
}
