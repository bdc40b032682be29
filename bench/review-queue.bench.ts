/**
 * The SIAO commission's review queue at the size of a large département, in-process against the
 * local broker and database.
 *
 *   npm run bench:queue        # BENCH_REQUESTS=2000 BENCH_STRUCTURES=500 BENCH_BOOKINGS=3000 by default
 *
 * 1. Boots housing-placement with startService (fresh schema) and creates the structures of one
 *    département through POST /v1/structures: 10 communes, every type, capacities 5–80, places
 *    fléchées justice and volantes, varied acceptance rules.
 * 2. Puts BENCH_REQUESTS `referral.request.submitted` events on Kafka (households, needs and
 *    territories varied, releases over the next 6 months) and waits until the consumer has taken
 *    them all into the queue; times that intake.
 * 3. Seeds BENCH_BOOKINGS people already housed (a request and an entered placement each, written
 *    straight to the tables: this benchmark measures the read path, not the admission flow) and a
 *    few closures, so occupancy must be computed against real bookings.
 * 4. Calls GET /v1/queue over HTTP as the SIAO: the first page (50, the default), the largest page
 *    (500), and a walk through every page of 50; 5 warm-up calls then BENCH_ROUNDS timed calls each.
 * Prints p50/p95/p99/max and writes bench/results/review-queue.json. Target (issue 5): under 100 ms,
 * judged on each kind of call. The client runs in the service's own process (startService), so its
 * fetch and JSON parsing are inside the figures.
 */
import 'reflect-metadata';
import { ensureInfraEnv, positiveInt, random, ROOT } from './bench-support';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { mintDevToken } from '@passerelle/auth';
import { HouseholdCompositionName, requestSubmittedV1, RequestSubmittedV1, STRUCTURE_TYPES } from '@passerelle/contracts';
import { cloudEventOf, publishEvents, queryRows, RunningService, startService, testKafka } from '@passerelle/testing';
import { addDays } from '@passerelle/domain-kernel';
import { housingPlacementService } from '../services/housing-placement/src/housing-placement.definition';
import { HousingPlacementModule } from '../services/housing-placement/src/housing-placement.module';

const REQUESTS = positiveInt('BENCH_REQUESTS', 2_000);
const STRUCTURES = positiveInt('BENCH_STRUCTURES', 500);
const BOOKINGS = positiveInt('BENCH_BOOKINGS', 3_000);
const ROUNDS = positiveInt('BENCH_ROUNDS', 50);
const SEED = positiveInt('BENCH_SEED', 20261123);
/** A département no test uses: the service reads the shared referral topic from the beginning. */
const DEPARTEMENT = '06';
const TODAY = '2026-11-23';
const TARGET_MS = 100;
const RESULTS_FILE = path.join(ROOT, 'bench/results/review-queue.json');
const AREAS = ['Nice', 'Antibes', 'Cannes', 'Grasse', 'Menton', 'Cagnes-sur-Mer', 'Le Cannet', 'Saint-Laurent-du-Var', 'Vallauris', 'Carros'];

const rand = random(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
const chance = (p: number) => rand() < p;

function aStructure() {
  const capacity = 5 + Math.floor(rand() * 76);
  return {
    name: `Structure ${randomUUID().slice(0, 8)}`, type: pick(STRUCTURE_TYPES), departement: DEPARTEMENT, area: pick(AREAS),
    capacity, reservedJusticePlaces: Math.min(capacity, Math.floor(rand() * 6)), volantePlaces: chance(0.3) ? 1 + Math.floor(rand() * 2) : 0,
    accepts: { men: !chance(0.15), women: true, couples: chance(0.3), children: chance(0.3), animals: chance(0.3), reducedMobility: chance(0.4) },
  };
}

function aSubmission(): RequestSubmittedV1 {
  const composition: HouseholdCompositionName = chance(0.75) ? 'alone' : pick(['couple', 'alone_with_children', 'couple_with_children'] as const);
  const childrenAges = composition.endsWith('children') ? Array.from({ length: 1 + Math.floor(rand() * 3) }, () => Math.floor(rand() * 18)) : [];
  return {
    referralId: randomUUID(), personId: randomUUID(), detentionId: randomUUID(), spipDepartement: DEPARTEMENT, siaoDepartement: DEPARTEMENT,
    expectedReleaseDate: addDays(TODAY, 1 + Math.floor(rand() * 182)), urgent: chance(0.2), submission: 1,
    household: { composition, applicantGender: chance(0.85) ? 'man' : 'woman', childrenAges },
    needs: { reducedMobility: chance(0.05), animals: chance(0.1) }, resources: [pick(['rsa', 'aah', 'are', 'salary', 'none'] as const)],
    rightsToReopen: chance(0.5) ? ['health_insurance'] : [], preferredTerritories: chance(0.2) ? [DEPARTEMENT] : [pick(AREAS), pick(AREAS)],
    careContinuity: chance(0.2), consent: { givenOn: '2026-11-02', recipients: ['siao', 'host_structures'] },
  };
}

async function createStructures(service: RunningService, token: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < STRUCTURES; i += 25) {
    const batch = await Promise.all(Array.from({ length: Math.min(25, STRUCTURES - i) }, async () => {
      const response = await fetch(`${service.url}/v1/structures`, {
        method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(aStructure()),
      });
      if (response.status !== 201) throw new Error(`structure refused: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { id: string }).id;
    }));
    ids.push(...batch);
  }
  return ids;
}

async function submitRequests(service: RunningService): Promise<number> {
  const producer = testKafka().producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const started = performance.now();
  const submissions = Array.from({ length: REQUESTS }, aSubmission);
  for (let i = 0; i < submissions.length; i += 500) {
    await publishEvents(producer, requestSubmittedV1, ...submissions.slice(i, i + 500).map((s) => cloudEventOf(requestSubmittedV1, s)));
  }
  await producer.disconnect();
  for (;;) {
    const [{ n }] = await queryRows<{ n: number }>(`SELECT count(*)::int AS n FROM ${service.schema}.housing_requests`);
    if (n >= REQUESTS) return (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** People already housed: a request and an entered placement each, so occupancy has real bookings to count. */
async function seedBookings(service: RunningService, structureIds: string[]): Promise<void> {
  const s = service.schema;
  await queryRows(`
    WITH people AS (
      SELECT gen_random_uuid() AS request_id, (ARRAY[${structureIds.map((id) => `'${id}'::uuid`).join(',')}])[1 + (i % ${structureIds.length})] AS structure_id,
             DATE '${TODAY}' - (i % 400) AS entered_on, i
      FROM generate_series(1, ${BOOKINGS}) AS i
    ), requests AS (
      INSERT INTO ${s}.housing_requests (id, referral_id, person_id, detention_id, spip_departement, siao_departement, expected_release_date,
        urgent, submission, status, file, received_on, missing)
      SELECT request_id, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), '${DEPARTEMENT}', '${DEPARTEMENT}', entered_on, false, 1, 'housed',
        '{}'::jsonb, entered_on, '{}' FROM people RETURNING id
    )
    INSERT INTO ${s}.placements (id, request_id, structure_id, structure_type, status, places, entry_date, pool, entered_on, flagged)
    SELECT gen_random_uuid(), p.request_id, p.structure_id, st.type, 'entered', 1, p.entered_on, CASE WHEN p.i % 3 = 0 THEN 'justice' ELSE 'general' END,
      p.entered_on, false
    FROM people p JOIN ${s}.structures st ON st.id = p.structure_id JOIN requests r ON r.id = p.request_id`);
  await queryRows(`
    INSERT INTO ${s}.structure_closures (id, structure_id, from_date, to_date, places, reason)
    SELECT gen_random_uuid(), id, DATE '${TODAY}' + 10, DATE '${TODAY}' + 70, 2, 'Travaux' FROM ${s}.structures WHERE capacity >= 10 ORDER BY id LIMIT ${Math.ceil(STRUCTURES / 10)}`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Timing { p50: number; p95: number; p99: number; max: number; calls: number }

async function time(label: string, urls: string[], token: string, service: RunningService): Promise<Timing & { label: string; entries: number; candidates: number }> {
  const call = async (url: string) => {
    const started = performance.now();
    const response = await fetch(`${service.url}${url}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { items: { candidatesTotal: number }[] };
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
    return { ms: performance.now() - started, entries: body.items.length, candidates: body.items.reduce((n, e) => n + e.candidatesTotal, 0) };
  };
  for (let i = 0; i < 5; i++) await call(urls[i % urls.length]);
  const samples: number[] = [];
  let entries = 0;
  let candidates = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const url of urls) {
      const result = await call(url);
      samples.push(result.ms);
      if (round === 0) [entries, candidates] = [entries + result.entries, candidates + result.candidates];
    }
  }
  samples.sort((a, b) => a - b);
  const round2 = (n: number) => Math.round(n * 10) / 10;
  return { label, p50: round2(percentile(samples, 50)), p95: round2(percentile(samples, 95)), p99: round2(percentile(samples, 99)), max: round2(samples[samples.length - 1]), calls: samples.length, entries, candidates };
}

async function main(): Promise<void> {
  ensureInfraEnv();
  // Request logs would be timed too: a benchmark keeps warnings only unless BENCH_LOG_LEVEL says otherwise.
  process.env.LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'warn';
  const service = await startService(HousingPlacementModule, housingPlacementService);
  try {
    service.clock.set(`${TODAY}T10:00:00+01:00`);
    const token = mintDevToken({ subject: `siao-${DEPARTEMENT}`, roles: ['siao'], departements: [DEPARTEMENT] });
    const structureIds = await createStructures(service, token);
    const intakeSeconds = await submitRequests(service);
    await seedBookings(service, structureIds);
    await queryRows(`ANALYZE`);
    const [{ queued }] = await queryRows<{ queued: number }>(`SELECT count(*)::int AS queued FROM ${service.schema}.housing_requests WHERE status = 'awaiting_review'`);
    const pages = Math.ceil(queued / 50);
    const base = `/v1/queue?departement=${DEPARTEMENT}`;
    const timings = [
      await time('first page (50)', [base], token, service),
      await time('largest page (500)', [`${base}&pageSize=500`], token, service),
      await time(`every page of 50 (${pages})`, Array.from({ length: pages }, (_, i) => `${base}&page=${i + 1}`), token, service),
    ];
    const result = {
      at: new Date().toISOString(), departement: DEPARTEMENT, structures: structureIds.length, openRequests: queued, housedBookings: BOOKINGS,
      intake: { requests: REQUESTS, seconds: Math.round(intakeSeconds * 10) / 10, perSecond: Math.round(REQUESTS / intakeSeconds) },
      targetMs: TARGET_MS, timings,
      machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    };
    console.log(`\nReview queue, département ${DEPARTEMENT}: ${queued} open requests, ${structureIds.length} structures, ${BOOKINGS} people housed`);
    console.log(`intake of ${REQUESTS} submissions through Kafka: ${result.intake.seconds} s (${result.intake.perSecond}/s)\n`);
    console.table(timings.map((t) => ({ call: t.label, 'p50 ms': t.p50, 'p95 ms': t.p95, 'p99 ms': t.p99, 'max ms': t.max, calls: t.calls, 'entries': t.entries, 'candidate places': t.candidates })));
    for (const t of timings) console.log(`target p99 < ${TARGET_MS} ms, ${t.label}: ${t.p99 < TARGET_MS ? 'met' : 'NOT met'} (p99 ${t.p99} ms)`);
    fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await service.close();
    await queryRows(`DROP SCHEMA ${service.schema} CASCADE`).catch(() => undefined);
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
