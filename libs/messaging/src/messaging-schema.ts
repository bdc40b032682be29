import { schemaIdentifier } from './sql';

/**
 * DDL of the outbox and inbox, version 1. A service's first migration runs it in the
 * service's own schema; a later change gets a new version, never an edit of this one.
 */
export function messagingSchemaV1(schema: string): string[] {
  const s = schemaIdentifier(schema);
  return [
    `CREATE SCHEMA IF NOT EXISTS ${s}`,
    `CREATE TABLE ${s}.outbox (
      seq bigserial PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      topic text NOT NULL,
      partition_key text NOT NULL,
      type text NOT NULL,
      source text NOT NULL,
      subject text NOT NULL,
      occurred_at timestamptz NOT NULL,
      correlation_id text NOT NULL,
      causation_id text,
      data jsonb NOT NULL,
      published_at timestamptz,
      publish_attempts integer NOT NULL DEFAULT 0
    )`,
    `CREATE INDEX outbox_unpublished_idx ON ${s}.outbox (seq) WHERE published_at IS NULL`,
    `CREATE TABLE ${s}.inbox (
      source text NOT NULL,
      event_id text NOT NULL,
      type text NOT NULL,
      partition_key text,
      topic text NOT NULL,
      kafka_partition integer NOT NULL,
      kafka_offset bigint NOT NULL,
      handled_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (source, event_id)
    )`,
  ];
}

export function dropMessagingSchemaV1(schema: string): string[] {
  const s = schemaIdentifier(schema);
  return [`DROP TABLE IF EXISTS ${s}.inbox`, `DROP TABLE IF EXISTS ${s}.outbox`];
}

/** LISTEN/NOTIFY channel the outbox writer pings so the relay wakes at commit. */
export function outboxChannel(schema: string): string {
  return `outbox_${schemaIdentifier(schema).slice(1, -1)}`;
}
