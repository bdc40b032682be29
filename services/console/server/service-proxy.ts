import { IncomingMessage, request, ServerResponse } from 'node:http';

export type ServiceUrls = Record<string, string>;

const PREFIX = /^\/api\/([a-z-]+)(\/.*)$/;
// Hop-by-hop headers belong to one connection, not to the call being forwarded.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'proxy-connection']);

/** The service a `/api/<service>/<path>` call is for, and the path on that service. */
export function routeOf(url: string, services: ServiceUrls): { target: URL } | undefined {
  const match = PREFIX.exec(url);
  if (!match || !services[match[1]]) return undefined;
  return { target: new URL(match[2], services[match[1]]) };
}

function forwardedHeaders(headers: IncomingMessage['headers']): IncomingMessage['headers'] {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

/**
 * Forwards a call to a service as it came, token and correlation id included, and streams the answer
 * back (Server-Sent Events too): the console holds no data and no rights of its own.
 */
export function forward(req: IncomingMessage, res: ServerResponse, target: URL, onError: (error: Error) => void): void {
  const outgoing = request(target, { method: req.method, headers: forwardedHeaders(req.headers) }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, forwardedHeaders(answer.headers));
    answer.pipe(res);
    res.on('close', () => answer.destroy());
  });
  outgoing.on('error', (error) => {
    onError(error);
    if (!res.headersSent) {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ statusCode: 502, message: 'Le service ne répond pas pour le moment.' }));
    } else res.destroy();
  });
  req.pipe(outgoing);
}
