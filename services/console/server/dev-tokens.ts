import { IncomingMessage, ServerResponse } from 'node:http';
import { isDepartementCode } from '@passerelle/contracts';
import { isRole, mintDevToken } from '@passerelle/auth';

interface TokenAsked {
  role?: unknown;
  departements?: unknown;
  organisation?: unknown;
}

function reply(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function bodyOf(req: IncomingMessage): Promise<TokenAsked> {
  let raw = '';
  for await (const chunk of req) {
    raw += chunk;
    if (raw.length > 4096) throw new Error('body too large');
  }
  return JSON.parse(raw || '{}') as TokenAsked;
}

/** The role picker's development token; answers 404 in production, where tokens come from the identity provider. */
export async function mintTokenFor(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (process.env.NODE_ENV === 'production') return reply(res, 404, { statusCode: 404, message: 'Not Found' });
  let asked: TokenAsked;
  try {
    asked = await bodyOf(req);
  } catch {
    return reply(res, 400, { statusCode: 400, message: 'Corps JSON illisible.' });
  }
  const { role, departements, organisation } = asked;
  if (typeof role !== 'string' || !isRole(role)) return reply(res, 400, { statusCode: 400, message: 'Rôle inconnu.' });
  const codes = Array.isArray(departements) ? departements : [];
  if (!codes.every((code) => typeof code === 'string' && isDepartementCode(code)) || (codes.length === 0 && role !== 'admin')) {
    return reply(res, 400, { statusCode: 400, message: 'Indiquez un ou plusieurs codes de département valides (13, 2A, 974…).' });
  }
  if (role === 'structure' && (typeof organisation !== 'string' || !organisation)) {
    return reply(res, 400, { statusCode: 400, message: 'Un utilisateur de structure indique l’identifiant de sa structure.' });
  }
  const token = mintDevToken({
    subject: `console-${role}-${codes.join('-') || 'national'}`,
    roles: [role],
    departements: codes as string[],
    organisation: typeof organisation === 'string' && organisation ? organisation : undefined,
  });
  reply(res, 200, { token });
}
