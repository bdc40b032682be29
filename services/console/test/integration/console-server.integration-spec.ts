import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import pino from 'pino';
import { consoleServer } from '../../server/console-server';

interface Seen {
  method?: string;
  url?: string;
  headers?: IncomingHttpHeaders;
  body?: string;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/** A service behind the console: notes what reached it, answers JSON, and streams events on /stream. */
function serviceThatNotes(seen: Seen): Server {
  return createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      Object.assign(seen, { method: req.method, url: req.url, headers: req.headers, body });
      if (req.url === '/stream') {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write('data: first\n\n');
        setTimeout(() => res.end('data: second\n\n'), 300);
        return;
      }
      res.writeHead(req.url === '/refused' ? 422 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true }));
    });
  });
}

describe('the console server', () => {
  const seen: Seen = {};
  const service = serviceThatNotes(seen);
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'console-dist-'));
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(path.join(root, 'assets', 'app-1234.js'), 'console.log(1)');
    const referral = await listen(service);
    server = consoleServer({ root, services: { referral, notification: 'http://127.0.0.1:1' }, logger: pino({ level: 'silent' }) });
    base = await listen(server);
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await new Promise((resolve) => service.close(resolve));
  });

  it('forwards a call to its service with the token, the correlation id, the query and the body', async () => {
    const response = await fetch(`${base}/api/referral/v1/referrals/abc?page=2`, {
      method: 'PATCH',
      headers: { authorization: 'Bearer t0k3n', 'x-correlation-id': 'corr-1', 'content-type': 'application/json' },
      body: JSON.stringify({ socialEvaluation: 'texte' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(seen).toMatchObject({ method: 'PATCH', url: '/v1/referrals/abc?page=2', body: '{"socialEvaluation":"texte"}' });
    expect(seen.headers).toMatchObject({ authorization: 'Bearer t0k3n', 'x-correlation-id': 'corr-1' });
  });

  it('passes a refusal on as the service gave it', async () => {
    const response = await fetch(`${base}/api/referral/refused`);
    expect(response.status).toBe(422);
  });

  it('streams Server-Sent Events as they come, not once the stream ends', async () => {
    const response = await fetch(`${base}/api/referral/stream`);
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toBe('data: first\n\n');
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toBe('data: second\n\n');
  });

  it('answers 502 in words when a service does not answer; a path of no known service gets the app', async () => {
    const down = await fetch(`${base}/api/notification/v1/indicators`);
    expect(down.status).toBe(502);
    expect(await down.json()).toMatchObject({ message: expect.stringContaining('ne répond pas') });
    const unknown = await fetch(`${base}/api/nowhere/v1/x`);
    expect(await unknown.text()).toContain('<title>console</title>');
  });

  it('serves built assets, the app for its own routes, and nothing outside its folder', async () => {
    const asset = await fetch(`${base}/assets/app-1234.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toBe('console.log(1)');
    const route = await fetch(`${base}/commission/sessions`);
    expect(route.headers.get('cache-control')).toBe('no-cache');
    expect(await route.text()).toContain('<title>console</title>');
    const escape = await fetch(`${base}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).toContain('<title>console</title>');
    expect(route.headers.get('x-frame-options')).toBe('DENY');
  });

  it('mints a development token for a role and départements, and refuses what a token cannot hold', async () => {
    const mint = (body: unknown) => fetch(`${base}/dev/token`, { method: 'POST', body: JSON.stringify(body) });
    const minted = await mint({ role: 'siao', departements: ['13'] });
    expect(minted.status).toBe(200);
    const { token } = (await minted.json()) as { token: string };
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ roles: ['siao'], departements: ['13'] });
    expect((await mint({ role: 'root', departements: ['13'] })).status).toBe(400);
    expect((await mint({ role: 'spip', departements: ['999'] })).status).toBe(400);
    expect((await mint({ role: 'spip', departements: [] })).status).toBe(400);
    expect((await mint({ role: 'structure', departements: ['13'] })).status).toBe(400);
    expect((await fetch(`${base}/dev/token`, { method: 'POST', body: '{not json' })).status).toBe(400);
  });

  it('mints no token in production', async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      const response = await fetch(`${base}/dev/token`, { method: 'POST', body: JSON.stringify({ role: 'admin', departements: [] }) });
      expect(response.status).toBe(404);
    } finally {
      process.env.NODE_ENV = before;
    }
  });
});
