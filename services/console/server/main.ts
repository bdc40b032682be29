// The console: `node scripts/run-ts.js services/console/server/main.ts` serves the built app (vite build)
// (or CONSOLE_DIST) on CONSOLE_PORT (3000) and forwards /api/<service>/ to each service (<SERVICE>_URL, or 127.0.0.1:<SERVICE>_PORT).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { consoleServer } from './console-server';

const DEFAULT_PORTS: Record<string, number> = { 'release-calendar': 3001, referral: 3002, 'housing-placement': 3003, notification: 3004 };

function serviceUrl(service: string): string {
  const key = service.toUpperCase().replace(/-/g, '_');
  return process.env[`${key}_URL`] ?? `http://127.0.0.1:${process.env[`${key}_PORT`] ?? DEFAULT_PORTS[service]}`;
}

const logger = pino({ name: 'console', level: process.env.LOG_LEVEL ?? 'info' });
const root = process.env.CONSOLE_DIST ?? join(__dirname, '..', 'dist');
if (!existsSync(join(root, 'index.html'))) {
  logger.fatal({ root }, 'the console is not built: npx vite build --config services/console/vite.config.ts');
  process.exit(1);
}
const services = Object.fromEntries(Object.keys(DEFAULT_PORTS).map((service) => [service, serviceUrl(service)]));
const port = Number(process.env.CONSOLE_PORT ?? process.env.PORT ?? 3000);
const server = consoleServer({ root, services, logger });
server.listen(port, process.env.CONSOLE_HOST ?? '127.0.0.1', () => logger.info({ port, services }, 'console listening'));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
