import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { ServiceName, SystemProcesses, WebhookReceiver } from '@passerelle/system-driver';
import { testDatabaseUrl, testKafka, uniqueName } from '@passerelle/testing';
import { CheckOutcome, CrowdChecks } from './crowd-checks';
import { AfterPhase, CrowdRun } from './crowd-run';
import { crowdScenario, departementForRun } from './crowd-scenario';
import { Quiescence } from './quiescence';

/** The four services as processes, a webhook receiver, and what the run and its checks need. */
export class CrowdSystem {
  private constructor(
    readonly runId: string,
    readonly departement: string,
    readonly system: SystemProcesses,
    readonly receiver: WebhookReceiver,
    readonly kafka: Kafka,
    readonly pool: Pool,
    readonly quiescence: Quiescence,
  ) {}

  static async start(kind: 'crowd' | 'faults', serviceEnv: Partial<Record<ServiceName, NodeJS.ProcessEnv>> = {}): Promise<CrowdSystem> {
    const runId = uniqueName(kind).toLowerCase();
    const departement = departementForRun(kind);
    const logDir = path.join(tmpdir(), 'passerelle-e2e', runId);
    const receiver = await WebhookReceiver.start();
    const system = await SystemProcesses.start({ runId, logDir, serviceEnv });
    const kafka = testKafka(runId);
    // Bounded waits: a database restart (a fault) must fail a query, not hang the run.
    const pool = new Pool({ connectionString: testDatabaseUrl(), max: 3, connectionTimeoutMillis: 5_000, query_timeout: 15_000 });
    // The restart also closes idle connections: the pool opens others; unheard, pg's error would end the test.
    pool.on('error', () => undefined);
    console.log(`[run] ${runId}: département ${departement}, four service processes (logs in ${logDir}), webhooks to ${receiver.url('/')}`);
    return new CrowdSystem(runId, departement, system, receiver, kafka, pool, new Quiescence(runId, kafka, pool));
  }

  /** Plays the crowd's story, calling `afterPhase` right after each phase's work is sent; then checks. */
  async playAndCheck(afterPhase?: AfterPhase): Promise<CheckOutcome[]> {
    const run = new CrowdRun(this.system, crowdScenario(this.departement), this.receiver, this.quiescence, afterPhase);
    await run.play();
    await this.quiescence.settle();
    return new CrowdChecks(run, this.system, this.receiver, this.kafka, this.pool, this.runId).all();
  }

  async stop(): Promise<void> {
    await this.system.stop();
    await this.quiescence.stop();
    await this.receiver.stop();
    await this.pool.end();
  }
}
