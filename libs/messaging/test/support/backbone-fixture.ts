import { randomUUID } from 'node:crypto';
import { IsInt, IsString, IsUUID, Min } from 'class-validator';
import { Kafka } from 'kafkajs';
import { Pool, PoolClient } from 'pg';
import { defineEvent, EventDescriptor } from '@passerelle/contracts';
import { EventConsumer, ensureTopics, handlerFor, OutboxRelay, OutboxWriter, pgTransactionRunner } from '@passerelle/messaging';
import { freshMessagingSchema, testKafka, testKafkaSettings, testLogger, testPool, uniqueName } from '@passerelle/testing';

export class PersonNotedV1 {
  @IsUUID() personId!: string;
  @IsInt() @Min(0) sequence!: number;
  @IsString() note!: string;
}

/**
 * A throw-away world for backbone tests: its own schema (outbox, inbox, an `effects` table the
 * handler writes to), its own 3-partition topic and event type, the real broker and database.
 */
export class BackboneFixture {
  readonly kafka: Kafka = testKafka();
  readonly relays: OutboxRelay[] = [];
  readonly consumers: EventConsumer<PoolClient>[] = [];
  writer!: OutboxWriter;
  descriptor!: EventDescriptor<PersonNotedV1>;
  schema!: string;
  topic!: string;
  /** Handler behaviour, switchable per test. */
  failingNotes = new Set<string>();
  /** The event ids each batch preparation was given, and those a handler got without one. */
  readonly preparations: string[][] = [];
  readonly unprepared: string[] = [];
  private readonly prepared = new Set<string>();

  private constructor(readonly pool: Pool) {}

  static async create(): Promise<BackboneFixture> {
    const fixture = new BackboneFixture(testPool());
    fixture.schema = await freshMessagingSchema(fixture.pool, 'backbone');
    await fixture.pool.query(`CREATE TABLE ${fixture.schema}.effects (
      id bigserial PRIMARY KEY, person_id uuid NOT NULL, sequence int NOT NULL, event_id text NOT NULL, instance text NOT NULL)`);
    fixture.topic = `${uniqueName('backbone')}.events`;
    fixture.descriptor = defineEvent({ name: 'backbone.person.noted', version: 1, topic: fixture.topic, payload: PersonNotedV1, key: (e) => e.personId });
    fixture.writer = new OutboxWriter({ schema: fixture.schema, source: '/passerelle/backbone-test' });
    await ensureTopics(fixture.kafka, testKafkaSettings(), [fixture.topic]);
    return fixture;
  }

  async startRelay(): Promise<OutboxRelay> {
    const relay = new OutboxRelay({ schema: this.schema, pool: this.pool, kafka: this.kafka, logger: testLogger, pollIntervalMs: 250 });
    await relay.start();
    this.relays.push(relay);
    return relay;
  }

  async startConsumer(instance: string, groupId = `${this.schema}-group`): Promise<EventConsumer<PoolClient>> {
    const consumer = new EventConsumer<PoolClient>({
      kafka: this.kafka,
      groupId,
      schema: this.schema,
      transactions: pgTransactionRunner(this.pool),
      logger: testLogger,
      catalog: [this.descriptor],
      maxAttempts: 3,
      retryInitialMs: 20,
      retryMaxMs: 50,
      handlers: [handlerFor(this.descriptor, async (event, tx) => {
        if (!this.prepared.has(event.id)) this.unprepared.push(event.id);
        if (this.failingNotes.has(event.data.note)) throw new Error(`handler refuses note ${event.data.note}`);
        await tx.query(`INSERT INTO ${this.schema}.effects (person_id, sequence, event_id, instance) VALUES ($1, $2, $3, $4)`,
          [event.data.personId, event.data.sequence, event.id, instance]);
      }, async (events) => {
        this.preparations.push(events.map((event) => event.id));
        for (const event of events) this.prepared.add(event.id);
      })],
    });
    await consumer.start();
    this.consumers.push(consumer);
    return consumer;
  }

  /** Writes one event in its own committed transaction, as a use case would. */
  async note(personId: string, sequence: number, note = 'ok'): Promise<string> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const id = await this.writer.add(client, this.descriptor, { personId, sequence, note });
      await client.query('COMMIT');
      return id;
    } finally {
      client.release();
    }
  }

  async effects(personId?: string): Promise<{ person_id: string; sequence: number; event_id: string; instance: string }[]> {
    const { rows } = await this.pool.query(
      `SELECT person_id, sequence, event_id, instance FROM ${this.schema}.effects ${personId ? 'WHERE person_id = $1' : ''} ORDER BY id`,
      personId ? [personId] : [],
    );
    return rows;
  }

  async unpublishedCount(): Promise<number> {
    const { rows } = await this.pool.query(`SELECT count(*)::int AS n FROM ${this.schema}.outbox WHERE published_at IS NULL`);
    return rows[0].n;
  }

  async close(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
    await Promise.all(this.relays.map((relay) => relay.stop()));
    await this.pool.end();
  }
}

export const newPersonId = (): string => randomUUID();
