import { INestApplication, Type } from '@nestjs/common';
import { MessagingLifecycle } from '@passerelle/messaging';
import { AdjustableClock, CLOCK, createServiceApp, ServiceDefinition } from '@passerelle/service-kit';
import { queryRows, uniqueName } from './infrastructure';
import { ProbedRecord, TopicProbe } from './topic-probe';

export interface RunningService {
  app: INestApplication;
  url: string;
  schema: string;
  /** Its consumer group: the `dlq-consumer-group` of what it dead-letters. */
  groupId: string;
  /** The service's clock: tests move it to let days pass. */
  clock: AdjustableClock;
  /**
   * The probe's records that this instance published. Every test instance of a service reads
   * the shared topics from the beginning, so others publish about the same people too.
   */
  recordsPublished(probe: TopicProbe): Promise<ProbedRecord[]>;
  close(): Promise<void>;
}

/**
 * Boots a service in the test process against the real database and broker, in a schema
 * and consumer group of its own so test files never see each other's state.
 */
export async function startService(module: Type<unknown>, definition: ServiceDefinition): Promise<RunningService> {
  const schema = uniqueName(definition.schema).toLowerCase();
  process.env.DATABASE_SCHEMA = schema;
  process.env.KAFKA_GROUP_ID = uniqueName(`test.${definition.name}`);
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  process.env.PASSERELLE_CLOCK_CONTROL = '1';
  process.env.CALENDAR_SWEEP_EVERY_MINUTES = '0';
  process.env.STALL_SWEEP_EVERY_MINUTES = '0';
  process.env.LAPSE_SWEEP_EVERY_MINUTES = '0';
  process.env.RETENTION_SWEEP_EVERY_MINUTES = '0';
  const app = await createServiceApp(module, definition);
  await app.listen(0, '127.0.0.1');
  await app.get(MessagingLifecycle).whenConsuming();
  const address = app.getHttpServer().address() as { port: number };
  return {
    app, url: `http://127.0.0.1:${address.port}`, schema, groupId: process.env.KAFKA_GROUP_ID!, clock: app.get(CLOCK),
    recordsPublished: (probe) => recordsPublishedFrom(schema, probe),
    close: () => app.close(),
  };
}

async function recordsPublishedFrom(schema: string, probe: TopicProbe): Promise<ProbedRecord[]> {
  const rows = await queryRows<{ id: string }>(`SELECT id FROM "${schema}".outbox WHERE published_at IS NOT NULL`);
  const ids = new Set(rows.map((row) => row.id));
  return probe.records.filter((record) => ids.has(record.header('ce_id') ?? ''));
}
