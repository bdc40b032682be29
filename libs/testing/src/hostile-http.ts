import { randomUUID } from 'node:crypto';
import { mintDevToken } from '@passerelle/auth';
import { RunningService } from './service-harness';

interface Operation {
  method: string;
  path: string;
  /** The operation reads a request body (its OpenAPI document says so). */
  hasBody: boolean;
  /** It may receive one: every POST, PUT and PATCH goes through the body parser. */
  parsesBody: boolean;
}

/** What one hostile request got: a finding when it is not the answer a careful API gives. */
interface Probe {
  label: string;
  operation: Operation;
  expect: (status: number) => boolean;
  send: () => Promise<number>;
}

const TIMEOUT_MS = 5_000;
const HOSTILE_TEXT = `'; DROP TABLE audit_log; -- <script>alert(1)</script> ${'é'.repeat(3)}`;
const HOSTILE_QUERY = `departement=13'%20OR%20'1'='1&from=2026-13-45&to=x&page=-1&pageSize=abc&since=%3Cscript%3E&status=%00`;

/**
 * Sends every operation of a service's OpenAPI document the requests an attacker or a broken client
 * would: no token, an expired one; then, as an admin, malformed JSON, bodies of the wrong type,
 * unknown and hostile fields, a body over the limit, hostile path parameters and query strings.
 * Returns one line per answer that is a 5xx, or not the 4xx such a request deserves.
 */
export async function hostileHttpFindings(baseUrl: string): Promise<string[]> {
  const operations = await operationsOf(baseUrl);
  const admin = mintDevToken({ subject: 'hostile-admin', roles: ['admin'], departements: [] });
  const expired = mintDevToken({ subject: 'hostile-expired', roles: ['admin'], departements: [], expiresInSeconds: -60 });
  const findings: string[] = [];
  for (const operation of operations) {
    for (const probe of probesOf(baseUrl, operation, admin, expired)) {
      const status = await probe.send().catch((error: Error) => (error.name === 'TimeoutError' ? 0 : -1));
      if (status === -1 || (status !== 0 && !probe.expect(status))) findings.push(`${operation.method} ${operation.path} ${probe.label}: ${status}`);
    }
  }
  return findings;
}

async function operationsOf(baseUrl: string): Promise<Operation[]> {
  const document = (await (await fetch(`${baseUrl}/docs-json`)).json()) as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
  return Object.entries(document.paths)
    .filter(([path]) => path.startsWith('/v1/'))
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, spec]) => ({
      method: method.toUpperCase(), path, hasBody: spec.requestBody !== undefined, parsesBody: ['POST', 'PUT', 'PATCH'].includes(method.toUpperCase()),
    })));
}

function probesOf(baseUrl: string, operation: Operation, admin: string, expired: string): Probe[] {
  const url = (params: (name: string) => string, query = '') => `${baseUrl}${operation.path.replace(/\{(\w+)\}/g, (_, name: string) => params(name))}${query ? `?${query}` : ''}`;
  const valid = (name: string) => (name === 'code' ? '13' : randomUUID());
  const call = (target: string, token: string | undefined, body?: string, contentType = 'application/json') => async () => {
    const response = await fetch(target, {
      method: operation.method, signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': contentType }) },
      body,
    });
    await response.body?.cancel();
    return response.status;
  };
  const clientError = (status: number) => status >= 400 && status < 500;
  const notServerError = (status: number) => status < 500;
  const probes: Probe[] = [
    { label: 'without a token', operation, expect: (s) => s === 401, send: call(url(valid), undefined) },
    { label: 'with an expired token', operation, expect: (s) => s === 401, send: call(url(valid), expired) },
    { label: 'with hostile path parameters', operation, expect: operation.path.includes('{') ? clientError : notServerError, send: call(url(() => encodeURIComponent(`x' OR 1=1 --<b>`)), admin) },
    { label: 'with a hostile query', operation, expect: notServerError, send: call(url(valid, HOSTILE_QUERY), admin) },
  ];
  if (!operation.parsesBody) return probes;
  const body = (text: string, label: string, expect = clientError, contentType?: string): Probe => ({ label, operation, expect, send: call(url(valid), admin, text, contentType) });
  const parsed = [body('{"broken": ', 'with malformed JSON'), body(JSON.stringify({ padding: 'x'.repeat(300 * 1024) }), 'with a body over the limit', (s) => s === 413)];
  if (!operation.hasBody) return [...probes, ...parsed];
  return [
    ...probes,
    ...parsed,
    body('[]', 'with an array for a body'),
    body('null', 'with null for a body'),
    body('"text"', 'with a string for a body'),
    body('12', 'with a number for a body'),
    body(JSON.stringify({ unexpected: true, name: HOSTILE_TEXT, departement: `13' OR '1'='1`, url: 'javascript:alert(1)' }), 'with unknown and hostile fields'),
    body('<xml/>', 'with a body that is not JSON', clientError, 'application/xml'),
  ];
}

/** The hostile-HTTP test of a service: each operation answered with the 4xx it deserves, never a 5xx, and the service still healthy. */
export function describeHostileHttp(title: string, start: () => Promise<RunningService>): void {
  describe(title, () => {
    let service: RunningService;

    beforeAll(async () => {
      service = await start();
    });

    afterAll(() => service.close());

    it('answers each with the 4xx it deserves, never a 5xx, and stays healthy', async () => {
      expect(await hostileHttpFindings(service.url)).toEqual([]);
      expect((await fetch(`${service.url}/health`)).status).toBe(200);
    });
  });
}
