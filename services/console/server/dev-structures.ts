import { ServerResponse } from 'node:http';
import { isDepartementCode } from '@passerelle/contracts';
import { mintDevToken } from '@passerelle/auth';

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * The département's structures for the development sign-in, so a structure user picks theirs
 * instead of typing its id: housing-placement lists them to a SIAO only, so the server asks as a
 * development SIAO of that département. Answers 404 in production, like /dev/token.
 */
export async function listStructuresFor(url: URL, housingPlacement: string | undefined, res: ServerResponse): Promise<void> {
  if (process.env.NODE_ENV === 'production') return reply(res, 404, { statusCode: 404, message: 'Not Found' });
  const departement = url.searchParams.get('departement') ?? '';
  if (!isDepartementCode(departement)) return reply(res, 400, { statusCode: 400, message: 'Indiquez un code de département valide (13, 2A, 974…).' });
  if (!housingPlacement) return reply(res, 502, { statusCode: 502, message: 'housing-placement n’est pas configuré.' });
  const token = mintDevToken({ subject: 'console-sign-in', roles: ['siao'], departements: [departement] });
  const answer = await fetch(new URL(`/v1/structures?departement=${departement}`, housingPlacement), { headers: { authorization: `Bearer ${token}` } });
  if (!answer.ok) return reply(res, answer.status, await answer.json().catch(() => ({ statusCode: answer.status, message: answer.statusText })));
  const structures = (await answer.json()) as Array<{ id: string; name: string; type: string; area: string }>;
  reply(res, 200, structures.map(({ id, name, type, area }) => ({ id, name, type, area })));
}
