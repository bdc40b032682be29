// Prints a development bearer token signed with the committed dev key (libs/auth/dev-keys).
//   npm run token -- --role spip --departement 75 --departement 92 --subject alice [--hours 8] [--organisation spip-75]
import { parseArgs } from 'node:util';
import { isDepartementCode } from '@passerelle/contracts';
import { isRole, mintDevToken, Role, ROLES } from '@passerelle/auth';

const USAGE = `usage: mint-token --role <${ROLES.join('|')}> [--role …] --subject <id>
                  [--departement <code> …] [--organisation <name>] [--hours <n, default 8>]
  --departement is required (one or more) unless the roles include admin.
  Prints only the token. Development only: refused when NODE_ENV=production.`;

function fail(message: string): never {
  process.stderr.write(`mint-token: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        role: { type: 'string', multiple: true },
        departement: { type: 'string', multiple: true },
        subject: { type: 'string' },
        organisation: { type: 'string' },
        hours: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }

  const roles = values.role ?? [];
  if (roles.length === 0) fail('at least one --role is needed');
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) fail(`unknown role ${unknown.join(', ')}`);

  const departements = values.departement ?? [];
  const invalid = departements.filter((code) => !isDepartementCode(code));
  if (invalid.length > 0) fail(`not a département code: ${invalid.join(', ')}`);
  if (departements.length === 0 && !roles.includes('admin')) fail('at least one --departement is needed (only admin may have none)');

  const subject = values.subject?.trim();
  if (!subject) fail('--subject is needed');

  const hours = values.hours === undefined ? 8 : Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0) fail('--hours must be a positive number');

  let token: string;
  try {
    token = mintDevToken({
      subject,
      roles: roles as Role[],
      departements,
      organisation: values.organisation,
      expiresInSeconds: Math.round(hours * 3600),
    });
  } catch (error) {
    process.stderr.write(`mint-token: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  process.stdout.write(`${token}\n`);
}

main();
