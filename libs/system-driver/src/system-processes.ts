import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { strictJsonClient } from './api-client';
import { letTimePassTo } from './clock-driver';
import { SERVICE_NAMES, ServiceName, ServiceUrls } from './services';

const ROOT = path.resolve(__dirname, '../../..');
const RUN_SERVICE = path.join(ROOT, 'deploy/local/run-service.js');
const HEALTHY_WITHIN_MS = 180_000;

export interface SystemOptions {
  /** Names this system's schemas and consumer groups, so runs never see each other's state. */
  runId: string;
  /** Where each process writes its log (`<service>-<n>.log`). */
  logDir: string;
  /** Added to every process's environment. */
  env?: NodeJS.ProcessEnv;
  /** Added to one service's processes. */
  serviceEnv?: Partial<Record<ServiceName, NodeJS.ProcessEnv>>;
  /** The services to run (all four unless told). */
  services?: readonly ServiceName[];
}

export interface ServiceProcess {
  name: ServiceName;
  url: string;
  pid: number;
  /** Resolves with the exit code or signal once the process has ended. */
  exited: Promise<string>;
}

/**
 * The four services as separate operating-system processes, as in production, on the broker and
 * database of KAFKA_BROKERS / DATABASE_URL: the base of the end-to-end tests, the fault tests and
 * the national benchmark. Each process can be killed, restarted or doubled.
 */
export class SystemProcesses {
  private readonly running = new Map<ServiceName, Array<{ process: ChildProcess } & ServiceProcess>>();
  private now?: string;
  private started = 0;

  private constructor(private readonly options: SystemOptions) {}

  static async start(options: SystemOptions): Promise<SystemProcesses> {
    mkdirSync(options.logDir, { recursive: true });
    const system = new SystemProcesses(options);
    // A test run that ends before its stop() (a failed start, a timeout, --forceExit) must not leave
    // services behind, polling the shared broker and database for the rest of the machine's life.
    const orphansGuard = () => system.killAllNow();
    process.once('exit', orphansGuard);
    try {
      await Promise.all((options.services ?? SERVICE_NAMES).map((name) => system.startInstance(name)));
    } catch (error) {
      await system.stop();
      throw error;
    }
    return system;
  }

  /** SIGKILL to every process at once, synchronously: for the moment the driving process exits. */
  private killAllNow(): void {
    for (const instance of [...this.running.values()].flat()) instance.process.kill('SIGKILL');
  }

  /** The first running instance of each service. */
  get urls(): ServiceUrls {
    return Object.fromEntries(SERVICE_NAMES.map((name) => [name, this.instancesOf(name)[0]?.url ?? ''])) as ServiceUrls;
  }

  instancesOf(name: ServiceName): ServiceProcess[] {
    return this.running.get(name) ?? [];
  }

  /** One more process of a service, on the same schema and consumer group as the others. */
  async startInstance(name: ServiceName): Promise<ServiceProcess> {
    const port = await freePort();
    const number = ++this.started;
    const log = createWriteStream(path.join(this.options.logDir, `${name}-${number}.log`));
    const child = spawn(process.execPath, [RUN_SERVICE, name], { env: this.environmentOf(name, port), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? String(code))));
    const instance = { name, url: `http://127.0.0.1:${port}`, pid: child.pid ?? -1, process: child, exited };
    this.running.set(name, [...this.instancesOf(name), instance] as Array<{ process: ChildProcess } & ServiceProcess>);
    await waitHealthy(instance, exited);
    return instance;
  }

  /** Kills every instance of a service (SIGKILL by default: no shutdown hook runs) and waits for the end. */
  async kill(name: ServiceName, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const instances = this.running.get(name) ?? [];
    this.running.set(name, []);
    for (const instance of instances) instance.process.kill(signal);
    await Promise.all(instances.map((instance) => instance.exited));
  }

  /** Kills one instance and forgets it. */
  async killInstance(instance: ServiceProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    this.running.set(instance.name, this.instancesOf(instance.name).filter((running) => running !== instance) as Array<{ process: ChildProcess } & ServiceProcess>);
    process.kill(instance.pid, signal);
    await instance.exited;
  }

  async restart(name: ServiceName, signal: NodeJS.Signals = 'SIGKILL'): Promise<ServiceProcess> {
    await this.kill(name, signal);
    return this.startInstance(name);
  }

  /** Moves every process's clock to `instant` and runs the day's sweeps; restarted processes start at it. */
  async letTimePassTo(instant: string): Promise<void> {
    this.now = instant;
    const extra = SERVICE_NAMES.flatMap((name) => this.instancesOf(name).slice(1).map((instance) => instance.url));
    await letTimePassTo(this.urls, instant, extra);
  }

  /** SIGTERM to every process (in-flight work finishes), then waits for all of them. */
  async stop(): Promise<void> {
    const all = [...this.running.values()].flat();
    this.running.clear();
    for (const instance of all) instance.process.kill('SIGTERM');
    await Promise.all(all.map((instance) => Promise.race([instance.exited, delay(15_000).then(() => instance.process.kill('SIGKILL'))])));
  }

  private environmentOf(name: ServiceName, port: number): NodeJS.ProcessEnv {
    const { runId } = this.options;
    return {
      ...process.env,
      PORT: String(port),
      DATABASE_SCHEMA: `${runId}_${name.replace(/-/g, '_')}`.toLowerCase(),
      KAFKA_GROUP_ID: `${runId}.${name}`,
      PASSERELLE_CLOCK_CONTROL: '1',
      PASSERELLE_EXIT_WITH_PARENT: '1',
      ...(this.now ? { PASSERELLE_CLOCK_NOW: this.now } : {}),
      // Days pass when the driver says so: no timer sweeps behind its back.
      CALENDAR_SWEEP_EVERY_MINUTES: '0',
      STALL_SWEEP_EVERY_MINUTES: '0',
      LAPSE_SWEEP_EVERY_MINUTES: '0',
      RETENTION_SWEEP_EVERY_MINUTES: '0',
      WEBHOOK_ALLOWED_ADDRESS_KINDS: 'loopback',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      ...this.options.env,
      ...this.options.serviceEnv?.[name],
    };
  }
}

async function waitHealthy(instance: ServiceProcess, exited: Promise<string>): Promise<void> {
  let ended: string | undefined;
  void exited.then((how) => (ended = how));
  const deadline = Date.now() + HEALTHY_WITHIN_MS;
  while (Date.now() < deadline) {
    if (ended !== undefined) throw new Error(`${instance.name} (pid ${instance.pid}) ended (${ended}) before it was healthy: see its log`);
    const healthy = await strictJsonClient(instance.url)('GET', '/health', undefined).then(() => true, () => false);
    if (healthy) return;
    await delay(250);
  }
  throw new Error(`${instance.name} (pid ${instance.pid}) not healthy within ${HEALTHY_WITHIN_MS / 1000} s`);
}

/** A port nothing listens on now, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
