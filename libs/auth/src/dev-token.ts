import * as jwt from 'jsonwebtoken';
import { readDevPrivateKey } from './dev-keys';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from './jwt-verifier';
import { Role } from './roles';

export interface DevTokenRequest {
  subject: string;
  roles: Role[];
  departements: string[];
  organisation?: string;
  /** 8 hours by default: one working day. */
  expiresInSeconds?: number;
}

const EIGHT_HOURS = 8 * 60 * 60;

/**
 * A token signed with the committed development key, for local runs and tests. Claims are
 * not checked here, so a test can mint what the verifier must refuse. Never in production.
 */
export function mintDevToken(request: DevTokenRequest, env: NodeJS.ProcessEnv = process.env): string {
  if (env.NODE_ENV === 'production') throw new Error('development tokens are refused in production');
  const claims: Record<string, unknown> = { roles: request.roles, departements: request.departements };
  if (request.organisation !== undefined) claims.organisation = request.organisation;
  return jwt.sign(claims, readDevPrivateKey(), {
    algorithm: JWT_ALGORITHM,
    issuer: JWT_ISSUER,
    audience: JWT_AUDIENCE,
    subject: request.subject,
    expiresIn: request.expiresInSeconds ?? EIGHT_HOURS,
  });
}
