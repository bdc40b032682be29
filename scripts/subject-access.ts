// Everything Passerelle holds on one person, from the four services, as one JSON document (a subject-access request).
//   npm run subject-access -- --person <uuid> [--out file.json]
// Reads the services on RELEASE_CALENDAR_PORT, REFERRAL_PORT, HOUSING_PLACEMENT_PORT, NOTIFICATION_PORT (3001–3004 by
// default) of 127.0.0.1, or PASSERELLE_HOST; signs an admin development token unless PASSERELLE_TOKEN gives one.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { mintDevToken } from '@passerelle/auth';
import { DEFAULT_PORTS, jsonClient, SERVICE_NAMES, ServiceName } from '@passerelle/system-driver';

const USAGE = 'usage: subject-access --person <uuid> [--out <file>]';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fail(message: string): never {
  process.stderr.write(`subject-access: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function urlOf(name: ServiceName): string {
  const port = process.env[`${name.toUpperCase().replace(/-/g, '_')}_PORT`] ?? String(DEFAULT_PORTS[name]);
  return `http://${process.env.PASSERELLE_HOST ?? '127.0.0.1'}:${port}`;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({ options: { person: { type: 'string' }, out: { type: 'string' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const personId = values.person ?? fail('--person is required');
  if (!UUID.test(personId)) fail(`--person must be a UUID, got "${personId}"`);
  const token = process.env.PASSERELLE_TOKEN ?? mintDevToken({ subject: 'subject-access', roles: ['admin'], departements: [] });
  const services: Record<string, unknown> = {};
  // One service after the other: each export is audited in its service, so a failure names where it stopped.
  for (const name of SERVICE_NAMES) {
    const answer = await jsonClient(urlOf(name))('GET', `/v1/admin/people/${personId}/export`, token);
    if (answer.status !== 200) throw new Error(`${name} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    services[name] = answer.body;
  }
  const document = JSON.stringify({ personId, exportedAt: new Date().toISOString(), services }, null, 2);
  if (values.out) writeFileSync(values.out, `${document}\n`);
  else process.stdout.write(`${document}\n`);
}

main().catch((error) => {
  process.stderr.write(`subject-access: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
