/**
 * Webhook delivery, in-process against the local broker and database.
 *
 *   npm run bench:webhooks      # BENCH_EVENTS=3000 BENCH_RATE=100 BENCH_SECONDS=20 by default
 *
 * Boots notification (fresh schema, loopback receivers allowed, dispatcher every 20 ms) and a local
 * HTTP receiver that answers 200 and notes when each webhook arrives. One SIAO subscription takes
 * `referral.request.opened` events of département 05.
 * 1. Throughput: BENCH_EVENTS events put on `referral.events` at once; timed from the first send to
 *    the last webhook received: deliveries per second, end to end (consume, fan out, sign, POST).
 * 2. Delay at a steady rate: BENCH_RATE events a second for BENCH_SECONDS; for each, the time from
 *    its send to its webhook's arrival; p50, p99, max.
 * Prints a table and writes bench/results/webhook-delivery.json. The service reads every topic from
 * the start: run it on a fresh broker (`npm run infra -- up --fresh`) for figures of its own.
 */
import 'reflect-metadata';
import { ensureInfraEnv, positiveInt, ROOT } from './bench-support';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { AddressInfo } from 'node:net';
import { mintDevToken } from '@passerelle/auth';
import { requestOpenedV1 } from '@passerelle/contracts';
import { cloudEventOf, jsonClient, publishEvents, queryRows, startService, testKafka } from '@passerelle/testing';
import { notificationService } from '../services/notification/src/notification.definition';
import { NotificationModule } from '../services/notification/src/notification.module';

const EVENTS = positiveInt('BENCH_EVENTS', 3_000);
const RATE = positiveInt('BENCH_RATE', 100);
const SECONDS = positiveInt('BENCH_SECONDS', 20);
const DEPARTEMENT = '05';
const RESULTS_FILE = path.join(ROOT, 'bench/results/webhook-delivery.json');

/** When each event was sent, and when its webhook arrived, by event id. */
const sentAt = new Map<string, number>();
const receivedAt = new Map<string, number>();

function startReceiver(): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { id } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string };
      if (!receivedAt.has(id)) receivedAt.set(id, performance.now());
      response.writeHead(204).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function anEvent() {
  const data = {
    referralId: randomUUID(), personId: randomUUID(), detentionId: randomUUID(), spipDepartement: DEPARTEMENT, siaoDepartement: DEPARTEMENT,
    expectedReleaseDate: '2027-03-31', urgent: false,
  };
  return cloudEventOf(requestOpenedV1, data);
}

async function waitFor(ids: string[], timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (ids.some((id) => !receivedAt.has(id))) {
    if (Date.now() > deadline) throw new Error(`${ids.filter((id) => !receivedAt.has(id)).length} webhooks never arrived`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const round = (n: number) => Math.round(n * 10) / 10;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main(): Promise<void> {
  ensureInfraEnv();
  process.env.LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'warn';
  Object.assign(process.env, { WEBHOOK_ALLOWED_ADDRESS_KINDS: 'loopback', WEBHOOK_DISPATCH_EVERY_MS: '20' });
  const receiver = await startReceiver();
  const service = await startService(NotificationModule, notificationService);
  const producer = testKafka().producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    const token = mintDevToken({ subject: 'bench-siao', roles: ['siao'], departements: [DEPARTEMENT] });
    const created = await jsonClient(service.url)('POST', '/v1/subscriptions', token, {
      url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`, eventTypes: ['referral.request.opened'], departements: [DEPARTEMENT], role: 'siao',
    });
    if (created.status !== 201) throw new Error(`subscription refused: ${JSON.stringify(created.body)}`);

    const burst = Array.from({ length: EVENTS }, anEvent);
    const started = performance.now();
    for (let i = 0; i < burst.length; i += 500) {
      const chunk = burst.slice(i, i + 500);
      chunk.forEach((event) => sentAt.set(event.id, performance.now()));
      await publishEvents(producer, requestOpenedV1, ...chunk);
    }
    await waitFor(burst.map((event) => event.id));
    const burstSeconds = (performance.now() - started) / 1000;

    const steady: string[] = [];
    for (let second = 0; second < SECONDS; second++) {
      const tick = performance.now();
      for (let i = 0; i < RATE; i++) {
        const event = anEvent();
        sentAt.set(event.id, performance.now());
        steady.push(event.id);
        await publishEvents(producer, requestOpenedV1, event);
        const due = tick + ((i + 1) * 1000) / RATE;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
    await waitFor(steady);
    const delays = steady.map((id) => receivedAt.get(id)! - sentAt.get(id)!).sort((a, b) => a - b);
    const [{ attempts }] = await queryRows<{ attempts: number }>(`SELECT count(*)::int AS attempts FROM ${service.schema}.webhook_attempts`);

    const result = {
      at: new Date().toISOString(),
      burst: { events: EVENTS, seconds: round(burstSeconds), deliveriesPerSecond: Math.round(EVENTS / burstSeconds) },
      steady: { rate: RATE, seconds: SECONDS, events: steady.length, p50Ms: round(percentile(delays, 50)), p99Ms: round(percentile(delays, 99)), maxMs: round(delays[delays.length - 1]) },
      attempts, webhooksReceived: receivedAt.size,
      machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    };
    console.log(`\nWebhook delivery to a local receiver (one subscription, Standard Webhooks signing, durable deliveries)`);
    console.table([
      { phase: `burst of ${EVENTS}`, 'deliveries/s': result.burst.deliveriesPerSecond, 'seconds': result.burst.seconds },
      { phase: `${RATE}/s for ${SECONDS} s`, 'p50 ms': result.steady.p50Ms, 'p99 ms': result.steady.p99Ms, 'max ms': result.steady.maxMs },
    ]);
    console.log(`attempts recorded: ${attempts}; webhooks received: ${receivedAt.size} (each event once: ${receivedAt.size === EVENTS + steady.length})`);
    fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await producer.disconnect();
    await service.close();
    receiver.close();
    await queryRows(`DROP SCHEMA ${service.schema} CASCADE`).catch(() => undefined);
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
