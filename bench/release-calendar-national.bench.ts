/**
 * release-calendar at national scale, in-process against the local broker and database.
 *
 *   eval "$(bash deploy/local/infra.sh env)"   # optional: read from infra.sh when unset
 *   npm run bench:calendar                      # BENCH_DETENTIONS=80000 by default
 *
 * 1. Boots release-calendar with startService (fresh schema, no scheduled sweep), sets its clock
 *    to 2026-11-23T10:00 Paris and generates a registry export of N detentions (`;` separated,
 *    the header of registry-import.integration-spec.ts): ~190 establishments over the 101
 *    départements, release dates uniform over the next 24 months, incarceration dates before.
 * 2. Import: POST /v1/imports (admin), in chunks only if the file exceeds the 32 MB body limit.
 *    Times it, counts the outbox rows it wrote, then how long the relay needs to publish them all.
 * 3. Sweep: moves the clock 30 days on, POST /v1/admin/sweep, times it and counts its events;
 *    then a second sweep at once (nothing left to do: it measures the cost of finding nothing).
 * Prints a table, writes bench/results/release-calendar-national.json, closes and drops the schema.
 * Targets (issue): import < 60 s and sweep < 10 s on the 2-core dev machine; exits 0 either way
 * (a benchmark reports), 1 only if the run itself went wrong (an import row rejected, a failed call).
 */
import 'reflect-metadata';
import { addDays, cpuMeter, ensureInfraEnv, machine, positiveInt, post, ROOT } from './bench-support';
import { bodies, DEPARTEMENTS, ESTABLISHMENTS, generateRegistryExport, ImportReport } from './registry-export';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import { mintDevToken } from '@passerelle/auth';
import { sleep } from '@passerelle/messaging';
import { RunningService, startService } from '@passerelle/testing';
import { readRegistryCsv } from '../services/release-calendar/src/adapters/http/registry-csv';
import { releaseCalendarService } from '../services/release-calendar/src/release-calendar.definition';
import { ReleaseCalendarModule } from '../services/release-calendar/src/release-calendar.module';

const RESULTS_FILE = path.join(ROOT, 'bench/results/release-calendar-national.json');

const DETENTIONS = positiveInt('BENCH_DETENTIONS', 80_000);
const SEED = positiveInt('BENCH_SEED', 20261123);
const START = '2026-11-23T10:00:00+01:00';
const START_DAY = '2026-11-23';
const SWEEP_AFTER_DAYS = 30;
const TARGET_IMPORT_S = 60;
const TARGET_SWEEP_S = 10;
const RELAY_POLL_MS = 500;
const RELAY_CAP_MS = 120_000;
const PROGRESS_POLL_MS = 1_000;
/** BENCH_PROFILE=1 counts and times every query the process sends (the service's included), by statement. */
const PROFILE = process.env.BENCH_PROFILE === '1';

interface Phase {
  seconds: number;
  events: number;
  eventsPerSecond: number;
}

// ---------------------------------------------------------------------------------- profile ---

interface QueryStats {
  count: number;
  ms: number;
}

/** Wraps pg's Client.query: statements by their first words and table, count and time from send to result. */
function profileQueries(): { take(): Record<string, QueryStats> } {
  let stats = new Map<string, QueryStats>();
  const original = Client.prototype.query as (...args: unknown[]) => unknown;
  const label = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/"?[a-z_]+_[0-9a-f]{12}"?\./g, '').slice(0, 40);
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    const config = args[0] as string | { text?: string };
    const text = typeof config === 'string' ? config : config?.text ?? '?';
    const entry = stats.get(label(text)) ?? { count: 0, ms: 0 };
    stats.set(label(text), entry);
    entry.count += 1;
    const start = performance.now();
    const done = () => (entry.ms += performance.now() - start);
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (...results: unknown[]) => (done(), (last as (...r: unknown[]) => unknown)(...results));
      return original.apply(this, args);
    }
    const result = original.apply(this, args) as Promise<unknown> | undefined;
    result?.then?.(done, done);
    return result;
  } as typeof Client.prototype.query;
  return {
    take: () => {
      const taken = Object.fromEntries([...stats].sort((a, b) => b[1].ms - a[1].ms).map(([k, v]) => [k, { count: v.count, ms: Math.round(v.ms) }]));
      stats = new Map();
      return taken;
    },
  };
}

// ------------------------------------------------------------------------------------ calls ---

interface SweepReport {
  today: string;
  detentions: number;
  events: number;
}

async function count(pool: Pool, sql: string): Promise<number> {
  return (await pool.query(sql)).rows[0].n;
}

/** Events by type, short names, from a given outbox seq on. */
async function eventsByType(pool: Pool, schema: string, afterSeq: number): Promise<Record<string, number>> {
  const { rows } = await pool.query(
    `SELECT type, count(*)::int AS n FROM ${schema}.outbox WHERE seq > $1 GROUP BY type ORDER BY count(*) DESC`, [afterSeq]);
  return Object.fromEntries(rows.map((r) => [r.type.replace('release-calendar.', '').replace(/\.v1$/, ''), r.n]));
}

async function maxSeq(pool: Pool, schema: string): Promise<number> {
  return Number((await pool.query(`SELECT coalesce(max(seq), 0) AS n FROM ${schema}.outbox`)).rows[0].n);
}

/** Seconds until the relay has published every outbox row, polled every 500 ms; undefined past the cap. */
async function relayCatchUp(pool: Pool, schema: string): Promise<{ seconds?: number; leftAtCap: number }> {
  const start = performance.now();
  for (;;) {
    const left = await count(pool, `SELECT count(*)::int AS n FROM ${schema}.outbox WHERE published_at IS NULL`);
    const elapsed = performance.now() - start;
    if (left === 0) return { seconds: elapsed / 1000, leftAtCap: 0 };
    if (elapsed >= RELAY_CAP_MS) return { seconds: undefined, leftAtCap: left };
    await sleep(RELAY_POLL_MS);
  }
}

/** Detentions committed over time during the import: shows whether batches slow down as the table grows. */
function watchProgress(pool: Pool, schema: string): { stop(): Promise<{ at: number; rows: number }[]> } {
  const samples: { at: number; rows: number }[] = [];
  const start = performance.now();
  let running = true;
  const loop = (async () => {
    while (running) {
      await sleep(PROGRESS_POLL_MS);
      const rows = await count(pool, `SELECT count(*)::int AS n FROM ${schema}.detentions`).catch(() => -1);
      if (rows >= 0) samples.push({ at: (performance.now() - start) / 1000, rows });
    }
  })();
  return { stop: async () => ((running = false), await loop, samples) };
}

/** Rows per second over the first and the last fifth of the import, from the progress samples. */
function rateDrift(samples: { at: number; rows: number }[], total: number) {
  const at = (fraction: number) => samples.find((s) => s.rows >= total * fraction);
  const [a, b, c, d] = [at(0.05), at(0.25), at(0.75), at(0.95)];
  const rate = (x?: { at: number; rows: number }, y?: { at: number; rows: number }) => (x && y && y.at > x.at ? (y.rows - x.rows) / (y.at - x.at) : undefined);
  return { earlyRowsPerSecond: rate(a, b), lateRowsPerSecond: rate(c, d) };
}

function phase(seconds: number, events: number): Phase {
  return { seconds, events, eventsPerSecond: events / seconds };
}

// ------------------------------------------------------------------------------------- main ---

async function run(service: RunningService, pool: Pool, profiler?: { take(): Record<string, QueryStats> }) {
  const admin = mintDevToken({ subject: 'bench', roles: ['admin'], departements: [] });
  const { schema } = service;
  service.clock.set(START);

  let generated = performance.now();
  const csv = generateRegistryExport(DETENTIONS, SEED, START_DAY);
  generated = (performance.now() - generated) / 1000;
  const chunks = bodies(csv);
  const csvBytes = Buffer.byteLength(csv);
  // The same parsing the controller does, alone, to tell parsing from the database in the import's time.
  let parseSeconds = performance.now();
  const parsed = readRegistryCsv(csv);
  parseSeconds = (performance.now() - parseSeconds) / 1000;
  if (parsed.rejected.length > 0) throw new Error(`the generated file has bad rows: ${JSON.stringify(parsed.rejected.slice(0, 3))}`);
  console.log(`import: ${DETENTIONS} rows, ${(csvBytes / 2 ** 20).toFixed(1)} MB in ${chunks.length} request(s)…`);

  // ------------------------------------------------------------------------- import ---
  profiler?.take();
  const progress = watchProgress(pool, schema);
  const importCpu = cpuMeter();
  const importStart = performance.now();
  const reports: ImportReport[] = [];
  for (const body of chunks) reports.push(await post<ImportReport>(`${service.url}/v1/imports`, admin, body));
  const importSeconds = (performance.now() - importStart) / 1000;
  const importCpuPercent = importCpu();
  const samples = await progress.stop();
  const importQueries = profiler?.take();
  const imported = reports.reduce((sum, r) => ({ created: sum.created + r.created, updated: sum.updated + r.updated, unchanged: sum.unchanged + r.unchanged, rejected: sum.rejected + r.rejected.length }), { created: 0, updated: 0, unchanged: 0, rejected: 0 });
  if (imported.rejected > 0) throw new Error(`the import rejected ${imported.rejected} rows: ${JSON.stringify(reports.flatMap((r) => r.rejected).slice(0, 3))}`);
  const importEvents = await count(pool, `SELECT count(*)::int AS n FROM ${schema}.outbox`);
  const importEventTypes = await eventsByType(pool, schema, 0);
  const unpublishedAtImportEnd = await count(pool, `SELECT count(*)::int AS n FROM ${schema}.outbox WHERE published_at IS NULL`);
  console.log(`  ${importSeconds.toFixed(2)} s, ${importEvents} events; waiting for the relay (${unpublishedAtImportEnd} unpublished)…`);
  const importRelay = await relayCatchUp(pool, schema);

  // -------------------------------------------------------------------------- sweep ---
  const sweepDay = addDays(START_DAY, SWEEP_AFTER_DAYS);
  service.clock.set(`${sweepDay}T10:00:00+01:00`);
  const due = await count(pool, `SELECT count(*)::int AS n FROM ${schema}.detentions WHERE status = 'incarcerated' AND next_due_on <= '${sweepDay}'`);
  console.log(`sweep on ${sweepDay}: ${due} detentions due…`);
  const beforeSweep = await maxSeq(pool, schema);
  profiler?.take();
  const sweepCpu = cpuMeter();
  let sweepStart = performance.now();
  const sweep = await post<SweepReport>(`${service.url}/v1/admin/sweep`, admin);
  const sweepSeconds = (performance.now() - sweepStart) / 1000;
  const sweepCpuPercent = sweepCpu();
  const sweepQueries = profiler?.take();
  const sweepEvents = await count(pool, `SELECT count(*)::int AS n FROM ${schema}.outbox WHERE seq > ${beforeSweep}`);
  const sweepEventTypes = await eventsByType(pool, schema, beforeSweep);
  sweepStart = performance.now();
  const second = await post<SweepReport>(`${service.url}/v1/admin/sweep`, admin);
  const secondSeconds = (performance.now() - sweepStart) / 1000;
  const sweepRelay = await relayCatchUp(pool, schema);

  return {
    timestamp: new Date().toISOString(),
    detentions: DETENTIONS,
    seed: SEED,
    clock: { start: START, sweepDay },
    file: { bytes: csvBytes, requests: chunks.length, establishments: ESTABLISHMENTS, departements: DEPARTEMENTS.length, generateSeconds: generated },
    import: {
      ...phase(importSeconds, importEvents),
      rowsPerSecond: DETENTIONS / importSeconds,
      ...imported,
      eventsByType: importEventTypes,
      profile: {
        /** readRegistryCsv on the same text in this process, before the import: the controller's parsing share. */
        parseSeconds,
        databaseAndDomainSeconds: importSeconds - parseSeconds,
        ...rateDrift(samples, DETENTIONS),
        nodeCpuPercent: importCpuPercent,
        queries: importQueries,
      },
      unpublishedAtEnd: unpublishedAtImportEnd,
      relayCatchUpSeconds: importRelay.seconds ?? null,
      relayLeftAtCap: importRelay.leftAtCap,
    },
    sweep: {
      ...phase(sweepSeconds, sweepEvents),
      due,
      detentions: sweep.detentions,
      reportedEvents: sweep.events,
      eventsByType: sweepEventTypes,
      nodeCpuPercent: sweepCpuPercent,
      queries: sweepQueries,
      relayCatchUpSeconds: sweepRelay.seconds ?? null,
    },
    secondSweep: { seconds: secondSeconds, detentions: second.detentions, events: second.events },
    targets: {
      importUnder60s: importSeconds < TARGET_IMPORT_S,
      sweepUnder10s: sweepSeconds < TARGET_SWEEP_S,
    },
    machine: machine(),
  };
}

type Result = Awaited<ReturnType<typeof run>>;

function printTable(r: Result): void {
  const n = (value: number) => Math.round(value).toLocaleString('en-US');
  const s = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${value.toFixed(2)} s`);
  const met = (ok: boolean, target: number) => (ok ? `met (< ${target} s)` : `MISSED (target < ${target} s)`);
  const rows: [string, string][] = [
    ['rows', `${n(r.detentions)} (${(r.file.bytes / 2 ** 20).toFixed(1)} MB, ${r.file.requests} request(s), ${r.file.establishments} establishments, ${r.file.departements} départements)`],
    ['import', `${s(r.import.seconds)}  ${n(r.import.rowsPerSecond)} rows/s  — ${met(r.targets.importUnder60s, TARGET_IMPORT_S)}`],
    ['import events', `${n(r.import.events)}  ${n(r.import.eventsPerSecond)} events/s  ${JSON.stringify(r.import.eventsByType)}`],
    ['import profile', `parse ${s(r.import.profile.parseSeconds)}, rest ${s(r.import.profile.databaseAndDomainSeconds)}; rows/s early ${n(r.import.profile.earlyRowsPerSecond ?? NaN)}, late ${n(r.import.profile.lateRowsPerSecond ?? NaN)}; CPU ${r.import.profile.nodeCpuPercent} %`],
    ['relay catch-up after import', r.import.relayCatchUpSeconds === null ? `not done after ${RELAY_CAP_MS / 1000} s (${n(r.import.relayLeftAtCap)} left)` : `${s(r.import.relayCatchUpSeconds)} (${n(r.import.unpublishedAtEnd)} unpublished when the import answered)`],
    [`sweep (+${SWEEP_AFTER_DAYS} days)`, `${s(r.sweep.seconds)}  ${n(r.sweep.detentions)} detentions swept (${n(r.sweep.due)} due) — ${met(r.targets.sweepUnder10s, TARGET_SWEEP_S)}`],
    ['sweep events', `${n(r.sweep.events)}  ${n(r.sweep.eventsPerSecond)} events/s  ${JSON.stringify(r.sweep.eventsByType)}`],
    ['second sweep', `${s(r.secondSweep.seconds)}  ${n(r.secondSweep.detentions)} detentions, ${n(r.secondSweep.events)} events`],
    ['relay catch-up after sweeps', s(r.sweep.relayCatchUpSeconds)],
    ['machine', `${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.memoryGb} GB, node ${r.machine.node}`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\nrelease-calendar national benchmark — ${r.timestamp}`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  if (r.import.profile.queries) {
    const top = (queries: Record<string, QueryStats>, rows: number) => Object.entries(queries).slice(0, 8)
      .map(([text, q]) => `    ${String(q.count).padStart(7)} × ${(q.count / rows).toFixed(2).padStart(5)}/row  ${String(q.ms).padStart(7)} ms  ${text}`).join('\n');
    console.log(`  queries during the import (count, per row, summed wait):\n${top(r.import.profile.queries, r.detentions)}`);
    if (r.sweep.queries) console.log(`  queries during the sweep (per swept detention):\n${top(r.sweep.queries, Math.max(1, r.sweep.detentions))}`);
  }
  console.log('');
}

async function main(): Promise<number> {
  ensureInfraEnv();
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'error';
  const profiler = PROFILE ? profileQueries() : undefined;
  const service = await startService(ReleaseCalendarModule, releaseCalendarService);
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  try {
    const result = await run(service, pool, profiler);
    printTable(result);
    fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`written to ${path.relative(ROOT, RESULTS_FILE)}`);
    return 0;
  } finally {
    await service.close().catch((error) => console.error('closing the service:', error));
    await pool.query(`DROP SCHEMA IF EXISTS ${service.schema} CASCADE`).catch((error) => console.error('dropping the schema:', error));
    await pool.end();
  }
}

// Exits explicitly: a kafkajs or pg timer left behind must not keep a finished benchmark alive.
main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('benchmark failed:', error);
    process.exit(1);
  },
);
