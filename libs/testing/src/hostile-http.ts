import { randomUUID } from 'node:crypto';
import { mintDevToken, Role, ROLES } from '@passerelle/auth';
import { queryRows } from './infrastructure';
import { Operation, operationsOf } from './openapi-operations';
import { RunningService } from './service-harness';

/** What one hostile request got: a finding when it is not the answer a careful API gives. */
interface Probe {
  label: string;
  expect: (answer: Answer) => boolean;
  send: () => Promise<Answer>;
}

interface Answer {
  status: number;
  text: string;
}

const TIMEOUT_MS = 5_000;
const HOSTILE_TEXT = `'; DROP TABLE audit_log; -- <script>alert(1)</script> ${'é'.repeat(3)}`;
const HOSTILE_QUERY = `departement=13'%20OR%20'1'='1&from=2026-13-45&to=x&page=-1&pageSize=abc&since=%3Cscript%3E&status=%00`;
/** A département no test puts data in: whatever a user of it reads must be about it alone. */
const OWN_DEPARTEMENT = '90';
const OTHER_DEPARTEMENT = '13';

/**
 * Sends every operation of a service's OpenAPI document the requests an attacker or a broken client
 * would: no token, an expired one, a token of a role the operation does not allow; a field role's
 * token of another département on the lists; then, as an admin, malformed JSON, bodies of the wrong
 * type, missing, unknown and hostile fields, impossible dates, a body over the limit, hostile path
 * parameters and query strings. Returns one line per answer that is a 5xx, not the 4xx such a request
 * deserves, or data of another département.
 */
export async function hostileHttpFindings(baseUrl: string): Promise<string[]> {
  const findings: string[] = [];
  for (const operation of await operationsOf(baseUrl)) {
    for (const probe of probesOf(baseUrl, operation)) {
      const answer = await probe.send().catch((error: Error) => ({ status: error.name === 'TimeoutError' ? 0 : -1, text: '' }));
      if (answer.status === -1 || (answer.status !== 0 && !probe.expect(answer))) {
        findings.push(`${operation.method} ${operation.path} ${probe.label}: ${answer.status} ${answer.text.slice(0, 200)}`);
      }
    }
  }
  return findings;
}

function probesOf(baseUrl: string, operation: Operation): Probe[] {
  const admin = token(['admin'], []);
  const url = (params: (name: string) => string, query = '') => `${baseUrl}${operation.path.replace(/\{(\w+)\}/g, (_, name: string) => params(name))}${query ? `?${query}` : ''}`;
  const valid = (name: string) => (name === 'code' ? OTHER_DEPARTEMENT : randomUUID());
  const call = (target: string, bearer: string | undefined, body?: string, contentType = 'application/json') => async (): Promise<Answer> => {
    const response = await fetch(target, {
      method: operation.method, signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(body === undefined ? {} : { 'content-type': contentType }) },
      body,
    });
    return { status: response.status, text: await response.text() };
  };
  const probe = (label: string, expect: (answer: Answer) => boolean, send: () => Promise<Answer>): Probe => ({ label, expect, send });
  const probes: Probe[] = [
    probe('without a token', is(401), call(url(valid), undefined)),
    probe('with an expired token', is(401), call(url(valid), token(['admin'], [], -60))),
    ...forbiddenRoles(operation).map((role) => probe(`with a token of role ${role}`, is(403), call(url(valid), token([role], [OTHER_DEPARTEMENT])))),
    ...crossDepartementProbes(operation, (query, bearer) => call(url(valid, query), bearer), probe),
    probe('with hostile path parameters', operation.path.includes('{') ? clientError : notServerError, call(url(() => encodeURIComponent(`x' OR 1=1 --<b>`)), admin)),
    probe('with a hostile query', notServerError, call(url(valid, HOSTILE_QUERY), admin)),
  ];
  if (!operation.parsesBody) return probes;
  const body = (label: string, text: string, expect = clientError, contentType?: string) => probe(label, expect, call(url(valid), admin, text, contentType));
  const parsed = [body('with malformed JSON', '{"broken": '), body('with a body over the limit', JSON.stringify({ padding: 'x'.repeat(300 * 1024) }), is(413))];
  if (!operation.hasBody) return [...probes, ...parsed];
  return [
    ...probes,
    ...parsed,
    body('with an array for a body', '[]'),
    body('with null for a body', 'null'),
    body('with a string for a body', '"text"'),
    body('with a number for a body', '12'),
    body('with every field missing', '{}'),
    body('with unknown and hostile fields', JSON.stringify({ unexpected: true, name: HOSTILE_TEXT, departement: `13' OR '1'='1`, url: 'javascript:alert(1)' })),
    body('with a body that is not JSON', '<xml/>', clientError, 'application/xml'),
    ...operation.dateFields.map(({ name, instant }) =>
      body(`with an impossible date in ${name}`, JSON.stringify({ [name]: instant ? '2027-02-30T10:00:00Z' : '2027-02-30' }), (answer) => answer.status === 400 && answer.text.includes(name))),
  ];
}

/** The roles that exist but that the operation does not allow. */
function forbiddenRoles(operation: Operation): Role[] {
  return operation.roles ? ROLES.filter((role) => !operation.roles!.includes(role)) : [];
}

/**
 * A list (no path parameter) read by each field role it allows, with a token of a département that
 * holds nothing: asking for another département is refused; whatever comes back is about its own.
 */
function crossDepartementProbes(
  operation: Operation,
  call: (query: string, bearer: string) => () => Promise<Answer>,
  probe: (label: string, expect: (answer: Answer) => boolean, send: () => Promise<Answer>) => Probe,
): Probe[] {
  if (operation.method !== 'GET' || operation.path.includes('{')) return [];
  const fieldRoles = (operation.roles ?? ROLES).filter((role) => role !== 'admin');
  return fieldRoles.flatMap((role) => {
    const bearer = token([role], [OWN_DEPARTEMENT], 3600, randomUUID());
    return [
      probe(`as ${role} of ${OWN_DEPARTEMENT} asking for ${OTHER_DEPARTEMENT}`, (answer) => clientError(answer) || onlyOwnDepartement(answer), call(`departement=${OTHER_DEPARTEMENT}`, bearer)),
      probe(`as ${role} of ${OWN_DEPARTEMENT}`, (answer) => answer.status !== 200 || onlyOwnDepartement(answer), call('', bearer)),
    ];
  });
}

/** No `departement…` field of the answer names another département than the caller's. */
function onlyOwnDepartement(answer: Answer): boolean {
  const foreign = [...answer.text.matchAll(/"departements?\w*"\s*:\s*(\[[^\]]*\]|"[^"]*")/gi)]
    .flatMap((match) => [...match[1].matchAll(/"([^"]*)"/g)].map((value) => value[1]))
    .filter((code) => code !== OWN_DEPARTEMENT);
  return foreign.length === 0;
}

function token(roles: Role[], departements: string[], expiresInSeconds = 3600, organisation?: string): string {
  return mintDevToken({ subject: `hostile-${roles.join('-')}`, roles, departements, organisation, expiresInSeconds });
}

const is = (status: number) => (answer: Answer) => answer.status === status;
const clientError = (answer: Answer) => answer.status >= 400 && answer.status < 500;
const notServerError = (answer: Answer) => answer.status < 500;

/** Rows of the service's own tables (its audit trail aside) holding any hostile text the probes sent. */
async function hostileTextStored(schema: string): Promise<string[]> {
  const tables = await queryRows<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'audit%'`, [schema]);
  const hits: string[] = [];
  for (const { table_name: table } of tables) {
    const [row] = await queryRows<{ n: string }>(`SELECT count(*) AS n FROM "${schema}"."${table}" t WHERE t::text LIKE '%DROP TABLE audit_log%' OR t::text LIKE '%javascript:alert%' OR t::text LIKE '%OR 1=1 --%'`);
    if (Number(row.n) > 0) hits.push(`${table}: ${row.n} row(s)`);
  }
  return hits;
}

/** The hostile-HTTP test of a service: each operation answered with the 4xx it deserves, never a 5xx, nothing stored, and the service still healthy. */
export function describeHostileHttp(title: string, start: () => Promise<RunningService>): void {
  describe(title, () => {
    let service: RunningService;

    beforeAll(async () => {
      service = await start();
    });

    afterAll(() => service.close());

    it('answers each with the 4xx it deserves, never a 5xx nor another département\'s data, stores nothing, and stays healthy', async () => {
      expect(await hostileHttpFindings(service.url)).toEqual([]);
      expect(await hostileTextStored(service.schema)).toEqual([]);
      expect((await fetch(`${service.url}/health`)).status).toBe(200);
    });
  });
}
