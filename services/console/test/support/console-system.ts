import { ChildProcess, execFile, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { freePort, SERVICE_NAMES, ServiceUrls, SystemProcesses } from '@passerelle/system-driver';

const ROOT = path.resolve(__dirname, '../../../..');
const LOG_ROOT = path.join(ROOT, '.local/logs');

export interface ConsoleSystem {
  system: SystemProcesses;
  urls: ServiceUrls;
  consoleUrl: string;
  stop(): Promise<void>;
}

/** A build of the console of its own, so parallel runs never rebuild under each other's feet. */
export async function buildConsole(): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'passerelle-console-'));
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  // Vite refuses a second build of the same config while one runs, whatever its outDir; each build here has its own.
  await promisify(execFile)(process.execPath, [vite, 'build', '--config', 'services/console/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--bypass-lock', '--logLevel', 'error'], { cwd: ROOT });
  return outDir;
}

async function waitServing(url: string, child: ChildProcess): Promise<void> {
  // ts-node transpiles the server at start: minutes, not seconds, on a shared two-core machine running other suites.
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the console server ended (${child.exitCode}) before it served: see its log`);
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the console server did not serve within 180 s');
}

function serviceEnvironment(urls: ServiceUrls): NodeJS.ProcessEnv {
  return Object.fromEntries(SERVICE_NAMES.map((name) => [`${name.toUpperCase().replace(/-/g, '_')}_URL`, urls[name]]));
}

export interface ConsoleServer {
  url: string;
  stop(): void;
}

/** The console's own server on a build (`buildConsole`), in front of the services at `urls` (which may be down). */
export async function startConsoleServer(logDir: string, dist: string, urls: ServiceUrls): Promise<ConsoleServer> {
  mkdirSync(logDir, { recursive: true });
  const port = await freePort();
  const log = createWriteStream(path.join(logDir, 'console.log'));
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/run-ts.js'), path.join(ROOT, 'services/console/server/main.ts')], {
    env: { ...process.env, ...serviceEnvironment(urls), CONSOLE_DIST: dist, CONSOLE_PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  process.once('exit', () => child.kill('SIGKILL'));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitServing(url, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { url, stop: () => child.kill('SIGTERM') };
}

/**
 * The four services as separate processes (fresh schemas and consumer groups named by `runId`) and the
 * console's own server in front of them, as a user's browser meets them: the base of the browser tests.
 */
export async function startConsoleSystem(runId: string): Promise<ConsoleSystem> {
  const logDir = path.join(LOG_ROOT, runId);
  mkdirSync(logDir, { recursive: true });
  const starting = SystemProcesses.start({ runId, logDir });
  let server: ConsoleServer;
  try {
    // The build runs while the services start.
    const dist = await buildConsole();
    server = await startConsoleServer(logDir, dist, (await starting).urls);
  } catch (error) {
    // The services may have come up meanwhile: a failed console must not leave them running.
    await starting.then((system) => system.stop(), () => undefined);
    throw error;
  }
  const system = await starting;
  return {
    system,
    urls: system.urls,
    consoleUrl: server.url,
    stop: async () => {
      server.stop();
      await system.stop();
    },
  };
}
