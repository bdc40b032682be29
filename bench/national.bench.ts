/**
 * Passerelle at national scale: the four services as separate processes, on the local broker and
 * database, against the raw ceilings of the same broker and database.
 *
 *   npm run bench:national     # BENCH_DETENTIONS=80000 BENCH_DAYS=180 BENCH_RATE=100 BENCH_WARMUP_SECONDS=10 BENCH_SECONDS=25
 *
 * 1. Raw ceilings: kafkajs produce→consume (bench-support's measureRawKafka) and single-row
 *    PostgreSQL commits per second (BENCH_PG_CLIENTS connections, autocommit INSERTs).
 * 2. The system: SystemProcesses (a fresh runId: schemas `<runId>_<service>`, groups `<runId>.<service>`),
 *    clocks at 2026-11-23, one SPIP webhook subscription (every département) for the events that
 *    report a date change, to a local WebhookReceiver.
 * 3. Import: N detentions (release dates over the next 730 days, ~190 establishments, 101
 *    départements) in one POST /v1/imports; timed until the pipeline has drained (PipelineWatch).
 * 4. Six months: the clocks move day by day (letTimePassTo: clocks, then the day's sweeps) and the
 *    people due out that day are released (one POST /v1/releases a day, the registry's report); timed from the first
 *    day until the pipeline has drained. Events/s = outbox rows written by the four services / time.
 *    Then coarse correctness: every window opened has a request, every milestone an alert, every
 *    release its outcome, no dead letter.
 * 5. Latency: BENCH_RATE release-date changes a second (PUT /v1/detentions/:id/release-date as the
 *    SPIP), BENCH_WARMUP_SECONDS of warm-up then BENCH_SECONDS measured, on one schedule; for each
 *    measured change, its due send time → its webhook at the receiver.
 * BENCH_PHASES=latency (with e.g. BENCH_DETENTIONS=5000: each change moves a different person) runs the import and the latency phase only.
 * Prints a table and writes bench/results/national.json. The services read the shared topics from
 * the beginning: take figures on a fresh broker. Exits 0 whether targets are met or not, 1 if the
 * run failed (a refused call, a pipeline that stopped moving, a correctness check that failed).
 */
import 'reflect-metadata';
import {
  addDays, cpuMeter, ensureInfraEnv, machine, machineBusySeconds, measurePgCommits, measureRawKafka, percentile, planEvents, positiveInt,
  post, processCpuSeconds, ROOT, wholeSeconds,
} from './bench-support';
import { DEPARTEMENTS, generateRegistryExport, ImportReport } from './registry-export';
import { PipelineState, PipelineWatch, schemaOf, total } from './pipeline-watch';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import {
  alertEscalatedV1, alertRaisedV1, personReleasedV1, referralReleaseDateChangedV1, releaseApproachingV1, releaseDateChangedV1, requestClosedV1,
  requestOpenedV1, sortieSecheRecordedV1, windowOpenedV1,
} from '@passerelle/contracts';
import { createKafka, kafkaSettingsFromEnv, sleep } from '@passerelle/messaging';
import { createLogger } from '@passerelle/observability';
import { parisNoon, SERVICE_NAMES, ServiceName, strictJsonClient, SystemProcesses, tokens, WebhookReceiver } from '@passerelle/system-driver';
import { uniqueName } from '@passerelle/testing';


const DETENTIONS = positiveInt('BENCH_DETENTIONS', 80_000);
const DAYS = positiveInt('BENCH_DAYS', 180);
const RATE = positiveInt('BENCH_RATE', 100);
const SECONDS = positiveInt('BENCH_SECONDS', 25);
/**
 * Seconds sent at BENCH_RATE just before the measured ones, on the same schedule (no pause between):
 * the latency is that of a system already running at the rate, as a service is in production.
 * What the warm-up itself saw is printed too. 0 measures from a cold start.
 */
const WARMUP_SECONDS = wholeSeconds('BENCH_WARMUP_SECONDS', 10);
const SEED = positiveInt('BENCH_SEED', 20261123);
/** Releases of one day sent at once, as the SPIPs of the country would. */
const RAW_EVENTS = positiveInt('BENCH_RAW_EVENTS', 20_000);
const PG_CLIENTS = positiveInt('BENCH_PG_CLIENTS', 8);
const PG_SECONDS = positiveInt('BENCH_PG_SECONDS', 5);
/** BENCH_KEEP=1 leaves the run's schemas, groups and topics for a look afterwards. */
const KEEP = process.env.BENCH_KEEP === '1';
const ALL_PHASES = ['raw', 'days', 'latency'] as const;
const PHASES = phasesFromEnv();
/** A reduced run (BENCH_PHASES) writes its own file, so it never replaces a whole run's figures. */
const RESULTS_FILE = path.join(ROOT, `bench/results/national${PHASES.size === ALL_PHASES.length ? '' : `-${[...PHASES].join('-')}`}.json`);

const START_DAY = '2026-11-23';
const RELEASE_SPREAD_DAYS = 730;
/** The EventConsumer's default, so that the raw consumer has the services' parallelism. */
const PARTITIONS_CONSUMED_CONCURRENTLY = 6;
const TARGET_SIX_MONTHS_S = 300;
const TARGET_P99_MS = 1_000;
const SAMPLE_EVERY_MS = 2_000;
const WEBHOOK_WAIT_MS = 120_000;
const HOOK_PATH = '/spip';

type Phase = (typeof ALL_PHASES)[number];

/**
 * BENCH_PHASES (comma-separated, all by default) picks the phases to run, e.g. `latency` alone to
 * measure a change in minutes. The import always runs: the other phases need its detentions.
 */
function phasesFromEnv(): Set<Phase> {
  const asked = (process.env.BENCH_PHASES ?? ALL_PHASES.join(',')).split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = asked.find((name) => !(ALL_PHASES as readonly string[]).includes(name));
  if (unknown) throw new Error(`BENCH_PHASES: "${unknown}" is not one of ${ALL_PHASES.join(', ')}`);
  return new Set(asked as Phase[]);
}

interface Planned {
  id: string;
  kind: string;
  departement: string;
  expectedReleaseDate: string;
}

interface PhaseResult {
  seconds: number;
  events: number;
  eventsPerSecond: number;
  eventsByService: Record<ServiceName, number>;
  eventsByType: Record<string, number>;
  cpuSeconds: Record<string, number>;
  maxLag: Partial<Record<ServiceName, number>>;
  maxUnpublished: Partial<Record<ServiceName, number>>;
}

// ------------------------------------------------------------------------------ the system ---

class Run {
  readonly admin = tokens.admin();
  private readonly spip = new Map<string, string>();
  readonly timeline: (PipelineState & { phase: string })[] = [];
  private sampling?: { phase: string; stop: boolean; loop: Promise<void> };

  constructor(readonly runId: string, readonly system: SystemProcesses, readonly watch: PipelineWatch, readonly pool: Pool, readonly receiver: WebhookReceiver) {}

  schema(service: ServiceName): string {
    return schemaOf(this.runId, service);
  }

  call(service: ServiceName) {
    return strictJsonClient(this.system.urls[service]);
  }

  spipOf(departement: string): string {
    if (!this.spip.has(departement)) this.spip.set(departement, tokens.of('spip', [departement]));
    return this.spip.get(departement)!;
  }

  /** Samples the pipeline every 2 s while a phase runs: which consumer lags, which outbox fills. */
  startSampling(phase: string): void {
    const sampling = { phase, stop: false, loop: Promise.resolve() };
    sampling.loop = (async () => {
      while (!sampling.stop) {
        this.timeline.push({ phase, ...(await this.watch.state()) });
        await sleep(SAMPLE_EVERY_MS);
      }
    })();
    this.sampling = sampling;
  }

  async stopSampling(): Promise<(PipelineState & { phase: string })[]> {
    if (!this.sampling) return [];
    this.sampling.stop = true;
    await this.sampling.loop;
    const { phase } = this.sampling;
    this.sampling = undefined;
    return this.timeline.filter((state) => state.phase === phase);
  }

  async count(sql: string, params: unknown[] = []): Promise<number> {
    return Number((await this.pool.query(sql, params)).rows[0].n);
  }

  async lastSeqs(): Promise<Record<ServiceName, number>> {
    return (await this.watch.state()).lastSeq;
  }

  /** Outbox rows each service wrote after `from`, and by type. */
  async eventsSince(from: Record<ServiceName, number>) {
    const byService = {} as Record<ServiceName, number>;
    const byType: Record<string, number> = {};
    for (const service of SERVICE_NAMES) {
      const { rows } = await this.pool.query(`SELECT type, count(*)::int AS n FROM ${this.schema(service)}.outbox WHERE seq > $1 GROUP BY type`, [from[service]]);
      byService[service] = rows.reduce((sum, row) => sum + row.n, 0);
      for (const row of rows) byType[row.type.replace(/\.v\d+$/, '')] = row.n;
    }
    return { byService, byType };
  }

  /** CPU seconds used so far by each service process, this bench, and the rest of the machine (broker, database, others). */
  cpuSeconds(): Record<string, number> {
    const services = Object.fromEntries(SERVICE_NAMES.map((name) => [name, this.system.instancesOf(name).reduce((sum, p) => sum + processCpuSeconds(p.pid), 0)]));
    const bench = processCpuSeconds(process.pid);
    const machineBusy = machineBusySeconds();
    return { ...services, bench, rest: machineBusy - bench - total(services), machine: machineBusy };
  }
}

async function startRun(): Promise<Run> {
  const runId = uniqueName('national');
  const logDir = path.join(os.tmpdir(), `passerelle-${runId}`);
  const logger = createLogger('bench');
  logger.level = 'error';
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  const watch = await PipelineWatch.start(runId, createKafka(kafkaSettingsFromEnv('bench-national-watch'), logger), pool);
  const left = await watch.recordsLeftBefore();
  if (left > 0) console.warn(`warning: the services' topics already hold ${left} records (a run kept with BENCH_KEEP, or another system): this run reads them again and its figures include that work`);
  console.log(`system ${runId}: starting the four services (logs in ${logDir})…`);
  const system = await SystemProcesses.start({ runId, logDir });
  const receiver = await WebhookReceiver.start();
  return new Run(runId, system, watch, pool, receiver);
}

async function stopRun(run: Run): Promise<void> {
  await run.stopSampling().catch(() => undefined);
  await run.system.stop().catch((error) => console.error('stopping the services:', error));
  await run.receiver.stop().catch(() => undefined);
  if (!KEEP) {
    for (const service of SERVICE_NAMES) await run.pool.query(`DROP SCHEMA IF EXISTS ${run.schema(service)} CASCADE`).catch(() => undefined);
    await run.watch.deleteGroupsAndTopics();
  }
  await run.watch.stop().catch(() => undefined);
  await run.pool.end();
}

/** One SPIP subscription for every département: the webhooks that report a date change. */
async function subscribe(run: Run): Promise<void> {
  const spip = tokens.of('spip', DEPARTEMENTS);
  await run.call('notification')('POST', '/v1/subscriptions', spip, {
    url: run.receiver.url(HOOK_PATH), role: 'spip', departements: DEPARTEMENTS,
    eventTypes: [releaseDateChangedV1.type, referralReleaseDateChangedV1.type],
  });
}

// ---------------------------------------------------------------------------------- phases ---

/** Runs `work`, then waits until the pipeline has drained; the phase lasts from its start to the drain. */
async function timedPhase(run: Run, name: string, work: () => Promise<void>): Promise<PhaseResult> {
  const from = await run.lastSeqs();
  const cpuBefore = run.cpuSeconds();
  run.startSampling(name);
  const start = performance.now();
  await work();
  console.log(`  ${name}: work sent in ${((performance.now() - start) / 1000).toFixed(1)} s; waiting for the pipeline to drain…`);
  const drained = await run.watch.drained();
  const seconds = (drained.at - start) / 1000;
  const cpuAfter = run.cpuSeconds();
  const samples = await run.stopSampling();
  const { byService, byType } = await run.eventsSince(from);
  const events = total(byService);
  const max = (pick: (state: PipelineState) => Partial<Record<ServiceName, number>>) => Object.fromEntries(SERVICE_NAMES
    .map((service) => [service, Math.max(0, ...samples.map((state) => pick(state)[service] ?? 0))]));
  return {
    seconds, events, eventsPerSecond: events / seconds, eventsByService: byService, eventsByType: byType,
    cpuSeconds: Object.fromEntries(Object.keys(cpuAfter).map((key) => [key, Math.round(cpuAfter[key] - cpuBefore[key])])),
    maxLag: max((state) => state.lag), maxUnpublished: max((state) => state.unpublished),
  };
}

async function importDetentions(run: Run): Promise<ImportReport> {
  const csv = generateRegistryExport(DETENTIONS, SEED, START_DAY, RELEASE_SPREAD_DAYS);
  console.log(`import: ${DETENTIONS} detentions, ${(Buffer.byteLength(csv) / 2 ** 20).toFixed(1)} MB…`);
  const report = await post<ImportReport>(`${run.system.urls['release-calendar']}/v1/imports`, run.admin, csv);
  if (report.rejected.length > 0) throw new Error(`the import rejected ${report.rejected.length} rows: ${JSON.stringify(report.rejected.slice(0, 3))}`);
  return report;
}

/** The people due out on each day of the simulated months, as the registry knows them. */
async function releasesByDay(run: Run): Promise<Map<string, Planned[]>> {
  const { rows } = await run.pool.query(
    `SELECT id, expected_release_kind AS kind, spip_departement AS departement, to_char(expected_release_date, 'YYYY-MM-DD') AS "expectedReleaseDate"
       FROM ${run.schema('release-calendar')}.detentions WHERE status = 'incarcerated' AND expected_release_date <= $1`,
    [addDays(START_DAY, DAYS)]);
  const byDay = new Map<string, Planned[]>();
  for (const row of rows as Planned[]) byDay.set(row.expectedReleaseDate, [...(byDay.get(row.expectedReleaseDate) ?? []), row]);
  return byDay;
}

/** What `POST /v1/releases` answers; anything but all released stops the run. */
interface ReleasesReport { released: number; unchanged: number; rejected: unknown[] }

const RELEASES_PER_REPORT = 1_000;

/** The day's releases as the national registry reports them: one call per thousand, as the administration. */
async function reportReleases(run: Run, day: string, due: Planned[]): Promise<void> {
  for (let start = 0; start < due.length; start += RELEASES_PER_REPORT) {
    const releases = due.slice(start, start + RELEASES_PER_REPORT).map((detention) => ({ detentionId: detention.id, releasedOn: day, releaseKind: detention.kind }));
    const { body } = await run.call('release-calendar')('POST', '/v1/releases', run.admin, { releases });
    const report = body as ReleasesReport;
    if (report.released !== releases.length) throw new Error(`${day}: ${releases.length} releases reported, ${report.released} recorded: ${JSON.stringify(report.rejected.slice(0, 3))}`);
  }
}

interface DayStats {
  days: number;
  releases: number;
  clockAndSweepsSeconds: number;
  releaseCallsSeconds: number;
}

async function letSixMonthsPass(run: Run, plan: Map<string, Planned[]>, stats: DayStats): Promise<void> {
  for (let d = 1; d <= DAYS; d += 1) {
    const day = addDays(START_DAY, d);
    const start = performance.now();
    await run.system.letTimePassTo(parisNoon(day));
    const swept = performance.now();
    const due = plan.get(day) ?? [];
    await reportReleases(run, day, due);
    stats.days += 1;
    stats.releases += due.length;
    stats.clockAndSweepsSeconds += (swept - start) / 1000;
    stats.releaseCallsSeconds += (performance.now() - swept) / 1000;
    if (d % 30 === 0 || d === DAYS) console.log(`  ${day}: day ${d}/${DAYS}, ${stats.releases} released so far`);
  }
}

// ----------------------------------------------------------------------------- correctness ---

/** Detentions (distinct ids) that had a calendar event of `type` but no referral event of `answers`. */
async function unanswered(run: Run, type: string, answers: string[]): Promise<{ facts: number; unanswered: number }> {
  // A hash anti-join of the two id sets: a NOT EXISTS per row would scan the referral outbox once per fact.
  const { rows } = await run.pool.query(
    `WITH facts AS (SELECT DISTINCT data->>'detentionId' AS id FROM ${run.schema('release-calendar')}.outbox WHERE type = $1),
          answered AS (SELECT DISTINCT data->>'detentionId' AS id FROM ${run.schema('referral')}.outbox WHERE type = ANY($2))
     SELECT count(*)::int AS facts, count(*) FILTER (WHERE answered.id IS NULL)::int AS unanswered FROM facts LEFT JOIN answered USING (id)`,
    [type, answers]);
  return rows[0];
}

/** `deadLettersBefore`: records already on the dead-letter topics when the run began (other runs'). */
async function checkCorrectness(run: Run, releasesPlanned: number, deadLettersBefore: number) {
  const windows = await unanswered(run, windowOpenedV1.type, [requestOpenedV1.type]);
  const milestones = await unanswered(run, releaseApproachingV1.type, [alertRaisedV1.type, alertEscalatedV1.type]);
  const releases = await unanswered(run, personReleasedV1.type, [sortieSecheRecordedV1.type, requestClosedV1.type]);
  const sortiesSeches = await run.count(`SELECT count(*)::int AS n FROM ${run.schema('referral')}.outbox WHERE type = $1`, [sortieSecheRecordedV1.type]);
  const deadLetters = (await run.watch.deadLetters()) - deadLettersBefore;
  const ok = windows.unanswered === 0 && milestones.unanswered === 0 && releases.unanswered === 0 && releases.facts === releasesPlanned && deadLetters === 0;
  return {
    windowsOpened: windows.facts, windowsWithoutRequest: windows.unanswered,
    detentionsWithMilestones: milestones.facts, milestonesWithoutAlert: milestones.unanswered,
    released: releases.facts, releasesPlanned, releasesWithoutOutcome: releases.unanswered, sortiesSeches,
    deadLetters, ok,
  };
}

// --------------------------------------------------------------------------------- latency ---

interface Change {
  id: string;
  departement: string;
  newDate: string;
  /** When the pacing meant to send it (epoch ms): latencies count from here, so a late client hides nothing. */
  dueAt: number;
  sentAt?: number;
  answeredAt?: number;
  refused?: string;
}

/** Incarcerated people, at random, each moved 1–60 days either way (never before tomorrow). */
async function plannedChanges(run: Run, count: number, today: string): Promise<Change[]> {
  const { rows } = await run.pool.query(
    `SELECT id, spip_departement AS departement, to_char(expected_release_date, 'YYYY-MM-DD') AS current
       FROM ${run.schema('release-calendar')}.detentions WHERE status = 'incarcerated' ORDER BY random() LIMIT $1`, [count]);
  return rows.map((row, i) => {
    const shift = (1 + (i * 7919) % 60) * (i % 2 === 0 ? 1 : -1);
    let newDate = addDays(row.current, shift);
    if (newDate <= today) newDate = addDays(row.current, Math.abs(shift));
    return { id: row.id, departement: row.departement, newDate, dueAt: 0 };
  });
}

/**
 * RATE changes a second on a fixed schedule, each sent at its due time whatever the previous
 * answers (fetch keeps connections alive, so a steady rate reuses them). A change sent late is
 * still timed from its due time: no coordinated omission.
 */
async function sendChanges(run: Run, changes: Change[]): Promise<void> {
  const calls: Promise<void>[] = [];
  const start = Date.now();
  for (const [i, change] of changes.entries()) {
    change.dueAt = start + (i * 1000) / RATE;
    const wait = change.dueAt - Date.now();
    if (wait > 0) await sleep(wait);
    change.sentAt = Date.now();
    calls.push(run.call('release-calendar')('PUT', `/v1/detentions/${change.id}/release-date`, run.spipOf(change.departement),
      { expectedReleaseDate: change.newDate, reason: 'reduction_de_peine' })
      .then(() => void (change.answeredAt = Date.now()), (error: Error) => void (change.refused = `${error.message} ${String(error.cause ?? '')}`.trim())));
  }
  await Promise.all(calls);
}

interface Arrival {
  calendar?: number;
  referral?: number;
}

/** When the webhooks reporting each change arrived: release-calendar's, and referral's when the person has a request. */
function arrivals(run: Run): Map<string, Arrival> {
  const byChange = new Map<string, Arrival>();
  for (const webhook of run.receiver.at(HOOK_PATH)) {
    const { type, data } = JSON.parse(webhook.body) as { type: string; data: { detentionId: string; expectedReleaseDate: string } };
    const key = `${data.detentionId}/${data.expectedReleaseDate}`;
    const arrival = byChange.get(key) ?? {};
    if (type === releaseDateChangedV1.type) arrival.calendar ??= webhook.at;
    if (type === referralReleaseDateChangedV1.type) arrival.referral ??= webhook.at;
    byChange.set(key, arrival);
  }
  return byChange;
}

function spread(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? undefined : { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] };
}

async function measureLatency(run: Run) {
  const today = addDays(START_DAY, PHASES.has('days') ? DAYS : 0);
  const sent = await plannedChanges(run, RATE * (WARMUP_SECONDS + SECONDS), today);
  if (sent.length < RATE * (WARMUP_SECONDS + SECONDS)) {
    throw new Error(`latency: ${RATE * (WARMUP_SECONDS + SECONDS)} changes need as many incarcerated people, the run has ${sent.length}: raise BENCH_DETENTIONS`);
  }
  const warmup = sent.slice(0, RATE * WARMUP_SECONDS);
  const changes = sent.slice(warmup.length);
  console.log(`latency: ${warmup.length} warm-up then ${changes.length} measured release-date changes at ${RATE}/s…`);
  const cpuBefore = run.cpuSeconds();
  const start = performance.now();
  await sendChanges(run, sent);
  const deadline = Date.now() + WEBHOOK_WAIT_MS;
  const accepted = changes.filter((change) => !change.refused);
  const awaited = sent.filter((change) => !change.refused);
  // The webhooks are read once per look: reading them again for each change was quadratic, and
  // took the services' CPU while they were still delivering.
  const missing = () => {
    const seen = arrivals(run);
    return awaited.filter((change) => seen.get(`${change.id}/${change.newDate}`)?.calendar === undefined).length;
  };
  while (missing() > 0 && Date.now() < deadline) await sleep(500);
  await run.watch.drained();
  const cpuAfter = run.cpuSeconds();
  const seen = arrivals(run);
  const of = (pick: (arrival: Arrival) => number | undefined, from: (change: Change) => number = (change) => change.dueAt, among = accepted) => among
    .map((change) => { const at = pick(seen.get(`${change.id}/${change.newDate}`) ?? {}); return at === undefined ? undefined : at - from(change); })
    .filter((ms): ms is number => ms !== undefined);
  const sends = changes.map((change) => change.sentAt!);
  const sendSeconds = (Math.max(...sends) - Math.min(...sends)) / 1000;
  return {
    changes: changes.length, achievedRate: (changes.length - 1) / sendSeconds, refused: sent.length - awaited.length,
    seconds: (performance.now() - start) / 1000,
    firstRefusal: sent.find((change) => change.refused)?.refused,
    sendLagMs: spread(changes.map((change) => change.sentAt! - change.dueAt)),
    answerMs: spread(accepted.map((change) => change.answeredAt! - change.dueAt)),
    calendarWebhookMs: spread(of((arrival) => arrival.calendar)),
    afterAnswerMs: spread(of((arrival) => arrival.calendar, (change) => change.answeredAt!)),
    referralWebhookMs: spread(of((arrival) => arrival.referral)),
    withoutWebhook: missing(),
    warmupSeconds: WARMUP_SECONDS,
    warmupWebhookMs: spread(of((arrival) => arrival.calendar, (change) => change.dueAt, warmup.filter((change) => !change.refused))),
    /** CPU milliseconds each process spent per change sent (warm-up included), from the first send until the pipeline drained. */
    cpuMsPerChange: Object.fromEntries(Object.keys(cpuAfter).map((key) => [key, Math.round(((cpuAfter[key] - cpuBefore[key]) * 1000) / sent.length * 100) / 100])),
  };
}

// ---------------------------------------------------------------------------------- report ---

type Result = Awaited<ReturnType<typeof runBenchmark>>;

function printTable(r: Result): void {
  const n = (value: number | undefined) => (value === undefined ? '—' : Math.round(value).toLocaleString('en-US'));
  const met = (ok: boolean | undefined) => (ok ? 'met' : 'MISSED');
  const ms = (s?: { p50: number; p99: number; max: number; count: number }) => (s ? `p50 ${n(s.p50)} ms, p99 ${n(s.p99)} ms, max ${n(s.max)} ms (${n(s.count)})` : '—');
  const phase = (p: PhaseResult) => `${p.seconds.toFixed(1)} s, ${n(p.events)} events, ${n(p.eventsPerSecond)} events/s`;
  const rows: [string, string][] = [];
  if (r.raw) {
    rows.push(
      ['raw kafkajs produce→consume', `${n(r.raw.kafka.eventsPerSecond)} events/s (${n(r.raw.kafka.events)} in ${r.raw.kafka.seconds.toFixed(2)} s)`],
      ['raw PostgreSQL commits', `${n(r.raw.postgres.commitsPerSecond)} single-row commits/s (${r.raw.postgres.clients} clients, ${r.raw.postgres.seconds.toFixed(1)} s)`],
    );
  }
  rows.push(['import → drained', `${phase(r.import)} (${n(r.import.report.created)} created)`]);
  if (r.sixMonths && r.days && r.correctness) {
    const c = r.correctness;
    rows.push(
      [`${DAYS} days → drained`, `${phase(r.sixMonths)} — ${met(r.targets.sixMonthsUnder5Minutes)} (< ${TARGET_SIX_MONTHS_S} s)`],
      ['  of which driving', `clocks + sweeps ${r.days.clockAndSweepsSeconds.toFixed(1)} s, ${n(r.days.releases)} release calls ${r.days.releaseCallsSeconds.toFixed(1)} s`],
      ['  events by service', JSON.stringify(r.sixMonths.eventsByService)],
      ['  max consumer lag', JSON.stringify(r.sixMonths.maxLag)],
      ['  CPU seconds', JSON.stringify(r.sixMonths.cpuSeconds)],
      ['correctness', `${c.ok ? 'ok' : 'FAILED'}: ${n(c.windowsOpened)} windows (${c.windowsWithoutRequest} without request), ${n(c.detentionsWithMilestones)} with milestones (${c.milestonesWithoutAlert} without alert), ${n(c.released)}/${n(c.releasesPlanned)} released (${c.releasesWithoutOutcome} without outcome, ${n(c.sortiesSeches)} sorties sèches), ${c.deadLetters} dead letters`],
    );
  }
  if (r.ratios && r.whole) {
    rows.push(
      ['Passerelle / raw kafkajs', `${r.ratios.kafkaPercent.toFixed(1)} % (whole run ${n(r.whole.eventsPerSecond)} events/s)`],
      ['Passerelle / raw PostgreSQL', `${r.ratios.postgresPercent.toFixed(1)} %`],
    );
  }
  if (r.latency) {
    const l = r.latency;
    rows.push(
      [`date change → webhook`, `${ms(l.calendarWebhookMs)} at ${l.achievedRate.toFixed(1)}/s — ${met(r.targets.p99Under1s)} (p99 < ${TARGET_P99_MS} ms)`],
      ['  → referral webhook', ms(l.referralWebhookMs)],
      ['  HTTP answer', `${ms(l.answerMs)}; refused ${l.refused}, without webhook ${l.withoutWebhook}`],
      ['  answer → webhook', ms(l.afterAnswerMs)],
      ['  sent after due time', ms(l.sendLagMs)],
      [`  warm-up (${l.warmupSeconds} s before)`, `date change → webhook ${ms(l.warmupWebhookMs)}`],
      ['  CPU ms per change', JSON.stringify(l.cpuMsPerChange)],
    );
  }
  rows.push(['machine', `${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.memoryGb} GB, node ${r.machine.node}, load at start ${r.loadAtStart.map((l) => l.toFixed(1)).join(' ')}, at end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`]);
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\nPasserelle national benchmark (${r.phases.join(', ')}) — ${r.timestamp}`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  console.log('');
}

async function rawCeilings() {
  const logger = createLogger('bench');
  // kafkajs warns at every idempotent producer's start that its retries are bounded: known, and noise here.
  logger.level = 'error';
  const settings = kafkaSettingsFromEnv('bench-national-raw');
  console.log(`raw ceilings: kafkajs ${RAW_EVENTS} events, PostgreSQL ${PG_CLIENTS} clients for ${PG_SECONDS} s…`);
  const kafka = await measureRawKafka(createKafka(settings, logger), settings, planEvents(RAW_EVENTS, 1_000), PARTITIONS_CONSUMED_CONCURRENTLY);
  const postgres = await measurePgCommits(PG_CLIENTS, PG_SECONDS);
  return { kafka, postgres };
}

async function runBenchmark(run: Run, raw: Awaited<ReturnType<typeof rawCeilings>> | undefined) {
  const benchCpu = cpuMeter();
  await run.system.letTimePassTo(parisNoon(START_DAY));
  await subscribe(run);
  const deadLettersBefore = await run.watch.deadLetters();

  let report: ImportReport | undefined;
  const imported = await timedPhase(run, 'import', async () => void (report = await importDetentions(run)));
  const months = PHASES.has('days') ? await letMonthsPass(run, deadLettersBefore) : undefined;
  const latency = PHASES.has('latency') ? await measureLatency(run) : undefined;
  const whole = months && { seconds: imported.seconds + months.sixMonths.seconds, events: imported.events + months.sixMonths.events, eventsPerSecond: 0 };
  if (whole) whole.eventsPerSecond = whole.events / whole.seconds;
  return {
    timestamp: new Date().toISOString(),
    runId: run.runId,
    phases: [...PHASES],
    sizes: { detentions: DETENTIONS, days: DAYS, rate: RATE, seconds: SECONDS, seed: SEED, startDay: START_DAY },
    raw,
    import: { ...imported, report: report! },
    days: months?.days,
    sixMonths: months?.sixMonths,
    whole,
    ratios: raw && months && {
      kafkaPercent: (months.sixMonths.eventsPerSecond / raw.kafka.eventsPerSecond) * 100,
      postgresPercent: (months.sixMonths.eventsPerSecond / raw.postgres.commitsPerSecond) * 100,
    },
    correctness: months?.correctness,
    latency,
    targets: {
      sixMonthsUnder5Minutes: months && months.sixMonths.seconds < TARGET_SIX_MONTHS_S,
      p99Under1s: latency && latency.calendarWebhookMs !== undefined && latency.calendarWebhookMs.p99 < TARGET_P99_MS && latency.withoutWebhook === 0,
    },
    benchCpuPercent: benchCpu(),
    loadAtStart: os.loadavg(),
    loadAtEnd: os.loadavg(),
    machine: machine(),
    timeline: run.timeline,
  };
}

async function letMonthsPass(run: Run, deadLettersBefore: number) {
  const plan = await releasesByDay(run);
  const releasesPlanned = [...plan.values()].reduce((sum, day) => sum + day.length, 0);
  console.log(`${DAYS} days from ${START_DAY}: ${releasesPlanned} releases due…`);
  const days: DayStats = { days: 0, releases: 0, clockAndSweepsSeconds: 0, releaseCallsSeconds: 0 };
  const sixMonths = await timedPhase(run, 'six months', () => letSixMonthsPass(run, plan, days));
  const correctness = await checkCorrectness(run, releasesPlanned, deadLettersBefore);
  return { days, sixMonths, correctness };
}

async function main(): Promise<number> {
  ensureInfraEnv();
  const loadAtStart = os.loadavg();
  const raw = PHASES.has('raw') ? await rawCeilings() : undefined;
  const run = await startRun();
  try {
    const result = { ...(await runBenchmark(run, raw)), loadAtStart };
    printTable(result);
    fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`written to ${path.relative(ROOT, RESULTS_FILE)}`);
    if (result.correctness?.ok === false || (result.latency?.refused ?? 0) > 0) {
      console.error('the run went wrong:', JSON.stringify({ correctness: result.correctness, refused: result.latency?.firstRefusal }));
      return 1;
    }
    return 0;
  } finally {
    await stopRun(run);
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
