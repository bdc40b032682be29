/**
 * Throughput of the event backbone against the raw Kafka ceiling, on the local broker and database.
 *
 *   eval "$(bash deploy/local/infra.sh env)"   # optional: read from infra.sh when unset
 *   npm run bench:backbone                      # BENCH_EVENTS=20000 BENCH_PERSONS=1000 by default
 *
 * 1. raw: a kafkajs producer (acks=-1, idempotent) sends M CloudEvent records in batches of 500
 *    to a fresh 6-partition topic; a consumer group reads them with eachMessage; first send → last read.
 * 2. backbone: 4 concurrent writers commit M events through OutboxWriter (100 per transaction),
 *    the OutboxRelay publishes them, an EventConsumer handles each one in a transaction that also
 *    inserts an effect row; first write → last effect row committed.
 * Then prints both rates, their ratio, the write-only rate and the p50/p99 event-to-effect latency,
 * writes them to bench/results/backbone-throughput.json, checks exactly-once effects and cleans up.
 */
import 'reflect-metadata';
import {
  chunks, cpuMeter, deleteTopicsAndGroups, ensureInfraEnv, machine, measureRawKafka, planEvents, PlannedEvent, positiveInt, RAW_BATCH, RawKafkaResult, ROOT,
  waitUntilCount,
} from './bench-support';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { IsInt, IsUUID, Min } from 'class-validator';
import { Kafka } from 'kafkajs';
import { Pool, PoolClient } from 'pg';
import { Logger } from 'pino';
import { defineEvent, EventDescriptor } from '@passerelle/contracts';
import {
  createKafka, ensureTopics, EventConsumer, handlerFor, KafkaSettings, kafkaSettingsFromEnv, OutboxRelay, OutboxWriter,
  pgTransactionRunner,
} from '@passerelle/messaging';
import { createLogger } from '@passerelle/observability';
import { freshMessagingSchema, uniqueName } from '@passerelle/testing';

const RESULTS_FILE = path.join(ROOT, 'bench/results/backbone-throughput.json');

const EVENTS = positiveInt('BENCH_EVENTS', 20_000);
const PERSONS = positiveInt('BENCH_PERSONS', 1_000);
const PARTITIONS = 6;
const EVENTS_PER_TRANSACTION = 100;
const WRITERS = 4;
/** The EventConsumer's default, so that both consumers have the same parallelism. */
const PARTITIONS_CONSUMED_CONCURRENTLY = 3;

class BenchPersonNotedV1 {
  @IsUUID() personId!: string;
  @IsInt() @Min(0) sequence!: number;
}

class BenchRelayWarmedV1 {
  @IsUUID() personId!: string;
}


interface BackboneResult {
  seconds: number;
  eventsPerSecond: number;
  writeSeconds: number;
  writeEventsPerSecond: number;
  /** From the first write until the outbox had no unpublished row left. */
  publishedSeconds: number;
  latencyMs: { p50: number; p99: number; max: number };
  nodeCpuPercent: number;
  correctness: Correctness;
}

interface Correctness {
  effects: number;
  distinctEvents: number;
  effectsMatchingOutbox: number;
  unpublished: number;
  ok: boolean;
}

// ---------------------------------------------------------------------------------- backbone ---

interface BackboneWorld {
  schema: string;
  topic: string;
  groupId: string;
  noted: EventDescriptor<BenchPersonNotedV1>;
  warmed: EventDescriptor<BenchRelayWarmedV1>;
  writer: OutboxWriter;
}

async function createBackboneWorld(kafka: Kafka, settings: KafkaSettings, pool: Pool): Promise<BackboneWorld> {
  const schema = await freshMessagingSchema(pool, 'bench');
  // now() is the handling transaction's start, a few hundred µs before its commit: close enough for ms latencies.
  await pool.query(`CREATE TABLE ${schema}.effects (
    id bigserial PRIMARY KEY, event_id uuid NOT NULL, person_id uuid NOT NULL, sequence int NOT NULL, inserted_at timestamptz NOT NULL DEFAULT now())`);
  const topic = `${uniqueName('bench_backbone')}.events`;
  await ensureTopics(kafka, settings, [topic]);
  return {
    schema,
    topic,
    groupId: uniqueName('bench_backbone'),
    noted: defineEvent({ name: 'bench.person.noted', version: 1, topic, payload: BenchPersonNotedV1, key: (e) => e.personId }),
    warmed: defineEvent({ name: 'bench.relay.warmed', version: 1, topic, payload: BenchRelayWarmedV1, key: (e) => e.personId }),
    writer: new OutboxWriter({ schema, source: '/passerelle/bench' }),
  };
}

/** The service's consumer: inbox insert and effect insert in one transaction per event. */
function startConsumer(world: BackboneWorld, kafka: Kafka, pool: Pool, logger: Logger): Promise<EventConsumer<PoolClient>> {
  const consumer = new EventConsumer<PoolClient>({
    kafka, groupId: world.groupId, schema: world.schema, logger,
    transactions: pgTransactionRunner(pool),
    // The warm-up type is known but has no handler: consumed and ignored, no effect row.
    catalog: [world.noted, world.warmed],
    partitionsConsumedConcurrently: PARTITIONS_CONSUMED_CONCURRENTLY,
    handlers: [handlerFor(world.noted, async (event, tx) => {
      await tx.query(`INSERT INTO ${world.schema}.effects (event_id, person_id, sequence) VALUES ($1, $2, $3)`,
        [event.id, event.data.personId, event.data.sequence]);
    })],
  });
  return consumer.start().then(() => consumer);
}

async function unpublished(pool: Pool, schema: string): Promise<number> {
  return (await pool.query(`SELECT count(*)::int AS n FROM ${schema}.outbox WHERE published_at IS NULL`)).rows[0].n;
}

/**
 * The relay connects its producer lazily, at its first non-empty batch: one event of an ignored
 * type, published before the clock starts, keeps that connection out of the measurement.
 */
async function warmUpRelay(world: BackboneWorld, pool: Pool): Promise<void> {
  await pgTransactionRunner(pool).run((tx) => world.writer.add(tx, world.warmed, { personId: randomUUID() }));
  await waitUntilCount('relay warm-up', async () => 1 - (await unpublished(pool, world.schema)), 1);
}

/** WRITERS concurrent use cases, each committing the next EVENTS_PER_TRANSACTION events in one transaction. */
async function writeEvents(world: BackboneWorld, pool: Pool, plan: PlannedEvent[]): Promise<void> {
  const transactions = pgTransactionRunner(pool);
  const batches = chunks(plan, EVENTS_PER_TRANSACTION);
  let next = 0;
  await Promise.all(Array.from({ length: WRITERS }, async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      await transactions.run(async (tx) => {
        for (const event of batch) await world.writer.add(tx, world.noted, event);
      });
    }
  }));
}

/** Milliseconds from the event's occurred_at (set by the writer) to its effect row; includes waiting for the write transaction's commit. */
async function latencyPercentiles(pool: Pool, schema: string): Promise<BackboneResult['latencyMs']> {
  const { rows } = await pool.query(`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99, max(ms) AS max
      FROM (SELECT extract(epoch FROM e.inserted_at - o.occurred_at) * 1000 AS ms
              FROM ${schema}.effects e JOIN ${schema}.outbox o ON o.id = e.event_id) latencies`);
  return { p50: Number(rows[0].p50), p99: Number(rows[0].p99), max: Number(rows[0].max) };
}

async function checkCorrectness(pool: Pool, world: BackboneWorld, expected: number): Promise<Correctness> {
  const { rows } = await pool.query(`
    SELECT count(*)::int AS effects, count(DISTINCT e.event_id)::int AS distinct_events,
           count(o.id) FILTER (WHERE o.type = $1)::int AS matching,
           (SELECT count(*)::int FROM ${world.schema}.outbox WHERE published_at IS NULL) AS unpublished
      FROM ${world.schema}.effects e LEFT JOIN ${world.schema}.outbox o ON o.id = e.event_id`, [world.noted.type]);
  const r = rows[0];
  const ok = r.effects === expected && r.distinct_events === expected && r.matching === expected && r.unpublished === 0;
  return { effects: r.effects, distinctEvents: r.distinct_events, effectsMatchingOutbox: r.matching, unpublished: r.unpublished, ok };
}

async function measureBackbone(kafka: Kafka, settings: KafkaSettings, plan: PlannedEvent[], logger: Logger): Promise<BackboneResult> {
  // As in a service: use cases and the consumer share the application pool; the relay has its own small pool.
  const appPool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const relayPool = new Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
  const world = await createBackboneWorld(kafka, settings, appPool);
  // Service defaults (batch 500, 1 s polling fallback), not tuned for the benchmark.
  const relay = new OutboxRelay({ schema: world.schema, pool: relayPool, kafka, logger });
  let consumer: EventConsumer<PoolClient> | undefined;
  try {
    consumer = await startConsumer(world, kafka, appPool, logger);
    await relay.start();
    await warmUpRelay(world, appPool);

    const cpu = cpuMeter();
    const start = performance.now();
    const written = writeEvents(world, appPool, plan).then(() => performance.now());
    const published = written.then(() => waitUntilCount('relay', async () => -(await unpublished(appPool, world.schema)), 0));
    // Awaited below; marked handled now so that a failure there cannot crash the process before cleanup.
    published.catch(() => undefined);
    const end = await waitUntilCount('backbone', async () =>
      (await appPool.query(`SELECT count(*)::int AS n FROM ${world.schema}.effects`)).rows[0].n, plan.length);
    const nodeCpuPercent = cpu();
    const [writtenAt, publishedAt] = await Promise.all([written, published]);

    const seconds = (end - start) / 1000;
    const writeSeconds = (writtenAt - start) / 1000;
    return {
      seconds,
      eventsPerSecond: plan.length / seconds,
      writeSeconds,
      writeEventsPerSecond: plan.length / writeSeconds,
      publishedSeconds: (publishedAt - start) / 1000,
      latencyMs: await latencyPercentiles(appPool, world.schema),
      nodeCpuPercent,
      correctness: await checkCorrectness(appPool, world, plan.length),
    };
  } finally {
    await consumer?.stop();
    await relay.stop();
    await appPool.query(`DROP SCHEMA IF EXISTS ${world.schema} CASCADE`).catch(() => undefined);
    await Promise.all([appPool.end(), relayPool.end()]);
    await deleteTopicsAndGroups(kafka, [world.topic], [world.groupId]);
  }
}

// ----------------------------------------------------------------------------------- report ---

function report(raw: RawKafkaResult, backbone: BackboneResult) {
  return {
    timestamp: new Date().toISOString(),
    events: EVENTS,
    persons: PERSONS,
    partitions: PARTITIONS,
    raw: { ...raw, batch: RAW_BATCH },
    backbone: { ...backbone, eventsPerTransaction: EVENTS_PER_TRANSACTION, writers: WRITERS },
    ratioPercent: (backbone.eventsPerSecond / raw.eventsPerSecond) * 100,
    machine: machine(),
  };
}

function printTable(r: ReturnType<typeof report>): void {
  const n = (value: number) => Math.round(value).toLocaleString('en-US');
  const rows: [string, string][] = [
    ['raw kafkajs produce→consume', `${n(r.raw.eventsPerSecond)} events/s  (${r.raw.seconds.toFixed(2)} s; produce alone ${n(r.raw.produceEventsPerSecond)}/s)`],
    ['backbone outbox→Kafka→inbox', `${n(r.backbone.eventsPerSecond)} events/s  (${r.backbone.seconds.toFixed(2)} s)`],
    ['ratio backbone / raw', `${r.ratioPercent.toFixed(1)} %`],
    ['outbox write alone', `${n(r.backbone.writeEventsPerSecond)} events/s  (${r.backbone.writeSeconds.toFixed(2)} s, ${WRITERS} writers × ${EVENTS_PER_TRANSACTION}/tx)`],
    ['outbox fully published at', `${r.backbone.publishedSeconds.toFixed(2)} s`],
    ['latency occurred_at→effect', `p50 ${n(r.backbone.latencyMs.p50)} ms, p99 ${n(r.backbone.latencyMs.p99)} ms, max ${n(r.backbone.latencyMs.max)} ms`],
    ['bench process CPU', `raw ${r.raw.nodeCpuPercent} %, backbone ${r.backbone.nodeCpuPercent} % (of one core)`],
    ['events / persons / partitions', `${n(r.events)} / ${n(r.persons)} / ${r.partitions}`],
    ['machine', `${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.memoryGb} GB, node ${r.machine.node}`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\nBackbone throughput benchmark — ${r.timestamp}`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  console.log('');
}

async function main(): Promise<number> {
  ensureInfraEnv();
  const logger = createLogger('bench');
  // kafkajs warns at every idempotent producer's start that its retries are bounded: known, and noise here.
  logger.level = process.env.LOG_LEVEL ?? 'error';
  const settings: KafkaSettings = { ...kafkaSettingsFromEnv('bench'), topicPartitions: PARTITIONS };
  const kafka = createKafka(settings, logger);
  const plan = planEvents(EVENTS, PERSONS);

  console.log(`raw kafkajs: ${EVENTS} events…`);
  const raw = await measureRawKafka(kafka, settings, plan, PARTITIONS_CONSUMED_CONCURRENTLY);
  console.log(`backbone: ${EVENTS} events…`);
  const backbone = await measureBackbone(kafka, settings, plan, logger);

  const result = report(raw, backbone);
  printTable(result);
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`written to ${path.relative(ROOT, RESULTS_FILE)}`);

  if (!backbone.correctness.ok) {
    console.error('CORRECTNESS FAILED:', backbone.correctness);
    return 1;
  }
  console.log(`correctness: ${backbone.correctness.effects} effect rows, ${backbone.correctness.distinctEvents} distinct events, nothing left unpublished`);
  return 0;
}

// Exits explicitly: a kafkajs or pg timer left behind must not keep a finished benchmark alive.
main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('benchmark failed:', error);
    process.exit(1);
  },
);
