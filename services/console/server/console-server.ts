import { createServer, Server } from 'node:http';
import pino from 'pino';
import { listStructuresFor } from './dev-structures';
import { mintTokenFor } from './dev-tokens';
import { forward, routeOf, ServiceUrls } from './service-proxy';
import { fileFor, sendFile } from './static-files';

export interface ConsoleServerOptions {
  /** The built console (services/console/dist). */
  root: string;
  services: ServiceUrls;
  logger: pino.Logger;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
};

/** Serves the console and forwards its calls to the services, so the browser talks to one origin only. */
export function consoleServer({ root, services, logger }: ConsoleServerOptions): Server {
  return createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const url = req.url ?? '/';
    const route = routeOf(url, services);
    if (route) {
      return forward(req, res, route.target, (error) => logger.warn({ err: error, target: route.target.origin, correlationId: req.headers['x-correlation-id'] }, 'service unreachable'));
    }
    if (url === '/dev/token' && req.method === 'POST') {
      mintTokenFor(req, res).catch((error: Error) => {
        logger.error({ err: error }, 'dev token failed');
        res.destroy();
      });
      return;
    }
    if (url.startsWith('/dev/structures?') && req.method === 'GET') {
      listStructuresFor(new URL(url, 'http://console'), services['housing-placement'], res).catch((error: Error) => {
        logger.warn({ err: error }, 'dev structures failed');
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ statusCode: 502, message: 'Le service ne répond pas pour le moment.' }));
      });
      return;
    }
    if (url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('{"status":"ok"}');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      return res.end();
    }
    sendFile(res, fileFor(root, new URL(url, 'http://console').pathname));
  });
}
