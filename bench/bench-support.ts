import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Kafka, Message, Partitioners } from 'kafkajs';
import { Pool } from 'pg';
import { deadLetterTopicOf } from '@passerelle/contracts';
import { httpCall } from '@passerelle/system-driver';
import { ensureTopics, KafkaSettings, sleep, toKafkaMessage } from '@passerelle/messaging';
import { uniqueName } from '@passerelle/testing';

export const ROOT = path.resolve(__dirname, '..');

/** A size or count from the environment (BENCH_EVENTS, BENCH_DETENTIONS…), or its default. */
export function positiveInt(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

export function wholeSeconds(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number of seconds (0 or more)`);
  return value;
}

/** Takes the broker and database of deploy/local/infra.sh when the environment names none (it does not start them). */
export function ensureInfraEnv(): void {
  if (process.env.KAFKA_BROKERS && process.env.DATABASE_URL) return;
  const infraEnv = execFileSync('bash', [path.join(ROOT, 'deploy/local/infra.sh'), 'env'], { encoding: 'utf8' });
  for (const [, name, value] of infraEnv.matchAll(/^export (\w+)=(.*)$/gm)) process.env[name] ??= value.replace(/^['"]|['"]$/g, '');
}

/** mulberry32: the same data for the same seed, so runs compare. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** A calendar date (YYYY-MM-DD) `days` later (or earlier). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The value at percentile `p` of ascending `sorted` values (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** CPU time of this Node process over a wall-clock interval, in % of one core (200% = both cores of a 2-core box). */
export function cpuMeter(): () => number {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  return () => {
    const used = process.cpuUsage(cpu);
    return Math.round(((used.user + used.system) / 1000 / (performance.now() - wall)) * 100);
  };
}

/**
 * Polls `count` every `pollMs` until it reaches `target`; fails if it stops moving for `stallMs`.
 * Resolves with the time it was seen.
 */
export async function waitUntilCount(what: string, count: () => Promise<number>, target: number, pollMs = 100, stallMs = 60_000): Promise<number> {
  let last = -1;
  let lastMove = performance.now();
  for (;;) {
    const seen = await count();
    const now = performance.now();
    if (seen >= target) return now;
    if (seen !== last) [last, lastMove] = [seen, now];
    else if (now - lastMove > stallMs) throw new Error(`${what}: stalled at ${seen}/${target} for ${stallMs / 1000}s`);
    await sleep(pollMs);
  }
}

export function machine() {
  return { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
}

/**
 * node:http (the driver's `httpCall`) rather than fetch: undici's fetch gives up on a response that
 * takes more than 300 s, and a slow import is precisely what a benchmark must be able to measure.
 */
export async function post<T>(url: string, token: string, body?: string, contentType = 'text/csv'): Promise<T> {
  const answer = await httpCall('POST', url, { token, body, contentType });
  if (answer.status !== 200) throw new Error(`POST ${url}: ${answer.status} ${answer.text.slice(0, 500)}`);
  return JSON.parse(answer.text) as T;
}

// ------------------------------------------------------------------------- raw ceilings ---

export interface PlannedEvent {
  personId: string;
  sequence: number;
}

/** N persons, events spread round-robin over them: each partition gets many keys, each key many events in order. */
export function planEvents(events: number, persons: number): PlannedEvent[] {
  const ids = Array.from({ length: persons }, () => randomUUID());
  return Array.from({ length: events }, (_, i) => ({ personId: ids[i % persons], sequence: Math.floor(i / persons) }));
}

export interface RawKafkaResult {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  produceEventsPerSecond: number;
  nodeCpuPercent: number;
}

/** Records per producer batch, one batch in flight at a time, like the relay. */
export const RAW_BATCH = 500;

export async function deleteTopicsAndGroups(kafka: Kafka, topics: string[], groups: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteGroups(groups).catch(() => undefined);
    await admin.deleteTopics({ topics: topics.flatMap((topic) => [topic, deadLetterTopicOf(topic)]) }).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}

/** The same CloudEvent records the relay would send, so both measurements move the same bytes. */
function rawMessages(plan: PlannedEvent[], type: string): Message[] {
  return plan.map(({ personId, sequence }) => toKafkaMessage({
    id: randomUUID(), source: '/passerelle/bench', type, specversion: '1.0', time: new Date().toISOString(),
    subject: personId, datacontenttype: 'application/json', correlationid: randomUUID(), data: { personId, sequence },
  }, personId));
}

/**
 * The raw kafkajs ceiling: an idempotent producer (acks=-1, one batch of 500 in flight, like the
 * relay) sends the planned records to a fresh topic; a consumer group (same session settings as
 * EventConsumer, `partitionsConsumedConcurrently` as told) only counts them. First send → last read.
 */
export async function measureRawKafka(kafka: Kafka, settings: KafkaSettings, plan: PlannedEvent[], partitionsConsumedConcurrently: number): Promise<RawKafkaResult> {
  const topic = `${uniqueName('bench_raw')}.events`;
  const groupId = uniqueName('bench_raw');
  await ensureTopics(kafka, settings, [topic]);
  const messages = rawMessages(plan, 'bench.person.noted.v1');

  let consumed = 0;
  let lastConsumedAt = 0;
  const consumer = kafka.consumer({ groupId, sessionTimeout: 30_000, heartbeatInterval: 3_000, rebalanceTimeout: 60_000 });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    // run() resolves once the group is joined, so joining is not timed.
    await consumer.run({
      partitionsConsumedConcurrently,
      eachMessage: async () => {
        consumed += 1;
        lastConsumedAt = performance.now();
      },
    });
    await producer.connect();

    const cpu = cpuMeter();
    const start = performance.now();
    for (const batch of chunks(messages, RAW_BATCH)) await producer.send({ topic, acks: -1, messages: batch });
    const produced = performance.now();
    await waitUntilCount('raw consume', async () => consumed, messages.length);
    const seconds = (lastConsumedAt - start) / 1000;
    return {
      events: messages.length,
      seconds,
      eventsPerSecond: messages.length / seconds,
      produceEventsPerSecond: messages.length / ((produced - start) / 1000),
      nodeCpuPercent: cpu(),
    };
  } finally {
    await producer.disconnect().catch(() => undefined);
    await consumer.disconnect().catch(() => undefined);
    await deleteTopicsAndGroups(kafka, [topic], [groupId]);
  }
}

export interface PgCommitsResult {
  clients: number;
  seconds: number;
  commits: number;
  commitsPerSecond: number;
}

/**
 * The raw PostgreSQL ceiling: `clients` connections each commit one single-row INSERT after the
 * other (autocommit: one round trip, one commit) for `seconds`, into a table of a fresh schema.
 */
export async function measurePgCommits(clients: number, seconds: number): Promise<PgCommitsResult> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: clients });
  const schema = uniqueName('bench_commits');
  try {
    await pool.query(`CREATE SCHEMA ${schema}`);
    await pool.query(`CREATE TABLE ${schema}.commits (id bigserial PRIMARY KEY, client int NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
    const connections = await Promise.all(Array.from({ length: clients }, () => pool.connect()));
    let commits = 0;
    const start = performance.now();
    const end = start + seconds * 1000;
    await Promise.all(connections.map(async (connection, client) => {
      while (performance.now() < end) {
        await connection.query(`INSERT INTO ${schema}.commits (client) VALUES ($1)`, [client]);
        commits += 1;
      }
    }));
    const elapsed = (performance.now() - start) / 1000;
    connections.forEach((connection) => connection.release());
    return { clients, seconds: elapsed, commits, commitsPerSecond: commits / elapsed };
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await pool.end();
  }
}

/** CPU seconds a process has used so far (Linux /proc; 0 where it cannot be read). */
export function processCpuSeconds(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU seconds the whole machine has been busy (all cores, every process), from /proc/stat. */
export function machineBusySeconds(): number {
  try {
    const [, ...ticks] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal: busy is everything but idle and iowait.
    const busy = ticks.slice(0, 8).reduce((sum, value, i) => (i === 3 || i === 4 ? sum : sum + value), 0);
    return busy / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** USER_HZ: 100 on every Linux this runs on. */
const CLOCK_TICKS_PER_SECOND = 100;
