import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createKafka, kafkaSettingsFromEnv, KafkaSettings, messagingSchemaV1 } from '@passerelle/messaging';
import { createLogger } from '@passerelle/observability';

/** Connection settings that global-setup.cjs put in the environment. */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the tests through Jest, whose global setup starts PostgreSQL');
  return url;
}

export function testKafkaSettings(clientId = `test-${randomUUID().slice(0, 8)}`): KafkaSettings {
  if (!process.env.KAFKA_BROKERS) throw new Error('KAFKA_BROKERS is not set: run the tests through Jest, whose global setup starts Kafka');
  return { ...kafkaSettingsFromEnv(clientId), topicPartitions: 3 };
}

export const testLogger = createLogger('test');

export function testKafka(clientId?: string) {
  return createKafka(testKafkaSettings(clientId), testLogger);
}

/** A name no other test uses, for schemas, topics and consumer groups. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

export function testPool(max = 10): Pool {
  return new Pool({ connectionString: testDatabaseUrl(), max });
}

/** A new schema holding the messaging tables, so each test file has its own outbox and inbox. */
export async function freshMessagingSchema(pool: Pool, prefix = 't'): Promise<string> {
  const schema = uniqueName(prefix).toLowerCase();
  for (const statement of messagingSchemaV1(schema)) await pool.query(statement);
  return schema;
}

/** Rows of one query on the test database, through a short-lived connection. */
export async function queryRows<Row = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<Row[]> {
  const pool = testPool(1);
  try {
    return (await pool.query(sql, params)).rows as Row[];
  } finally {
    await pool.end();
  }
}
