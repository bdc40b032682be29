import { createPublicKey, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as jwt from 'jsonwebtoken';
import { isDepartementCode } from '@passerelle/contracts';
import { AuthenticatedUser } from './authenticated-user';
import { AuthenticationError } from './authentication.errors';
import { readDevPublicKey } from './dev-keys';
import { isRole, Role } from './roles';

export const JWT_ISSUER = 'passerelle';
export const JWT_AUDIENCE = 'passerelle';
export const JWT_ALGORITHM = 'RS256';

export interface JwtVerifierOptions {
  /**
   * PEM public keys a token may be signed with; several during a key rotation.
   * When absent, they come from `env` (see `publicKeysFromEnv`).
   */
  publicKeys?: string[];
  /** Where to read the keys and `NODE_ENV` from; `process.env` by default. */
  env?: NodeJS.ProcessEnv;
  /** Accepted clock skew between the issuer and this service, in seconds. */
  clockToleranceSeconds?: number;
  now?: () => Date;
  /** How many verified tokens are remembered (see `JwtVerifier.verify`); 0 checks every signature. */
  rememberedTokens?: number;
}

/** A token whose signature and claims were checked: it stays good until just before `notAfter` (seconds, tolerance included), as jsonwebtoken counts it. */
interface VerifiedToken {
  user: AuthenticatedUser;
  notAfter: number;
}

const PEM_BLOCK = /-----BEGIN ([A-Z ]+)-----[\s\S]+?-----END \1-----/g;
const PUBLIC_PEM_TYPES = new Set(['PUBLIC KEY', 'RSA PUBLIC KEY', 'CERTIFICATE']);

/**
 * The PEM public keys configured in `env`: every PEM block of `AUTH_JWT_PUBLIC_KEY` (blocks
 * simply follow one another; `\n` escapes are accepted for single-line variables) and of the
 * file named by `AUTH_JWT_PUBLIC_KEY_FILE`. Empty when neither is set.
 */
export function publicKeysFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const sources: Array<{ name: string; text: string }> = [];
  if (env.AUTH_JWT_PUBLIC_KEY?.trim()) {
    sources.push({ name: 'AUTH_JWT_PUBLIC_KEY', text: env.AUTH_JWT_PUBLIC_KEY.replace(/\\n/g, '\n') });
  }
  if (env.AUTH_JWT_PUBLIC_KEY_FILE?.trim()) {
    const file = env.AUTH_JWT_PUBLIC_KEY_FILE.trim();
    sources.push({ name: `AUTH_JWT_PUBLIC_KEY_FILE (${file})`, text: readFileSync(file, 'utf8') });
  }
  return sources.flatMap(({ name, text }) => {
    const blocks = [...text.matchAll(PEM_BLOCK)];
    if (blocks.length === 0 || blocks.some((block) => !PUBLIC_PEM_TYPES.has(block[1]))) {
      throw new Error(`${name} must hold one or more PEM public keys (BEGIN PUBLIC KEY blocks)`);
    }
    return blocks.map((block) => block[0]);
  });
}

/**
 * Verifies the bearer tokens of human callers and turns them into an `AuthenticatedUser`.
 *
 * Only RS256 is accepted: `alg: none` and HMAC tokens are refused before any key is tried,
 * so a public key can never be used as an HMAC secret. Issuer and audience must be
 * `passerelle` and `exp` is required. Outside production, with no key configured, the
 * committed development key is used; in production a key is mandatory and the development
 * key is refused.
 */
export class JwtVerifier {
  private readonly keys: KeyObject[];
  private readonly clockToleranceSeconds: number;
  private readonly now: () => Date;
  private readonly remembered = new Map<string, VerifiedToken>();
  private readonly rememberedTokens: number;

  constructor(options: JwtVerifierOptions = {}) {
    const env = options.env ?? process.env;
    const production = env.NODE_ENV === 'production';
    let pems = options.publicKeys ?? publicKeysFromEnv(env);
    if (pems.length === 0) {
      if (production) {
        throw new Error('AUTH_JWT_PUBLIC_KEY or AUTH_JWT_PUBLIC_KEY_FILE must be set in production (PEM public key of the token issuer)');
      }
      pems = [readDevPublicKey()];
    }
    this.keys = pems.map((pem, index) => rsaPublicKey(pem, index));
    if (production) {
      const devKey = spki(createPublicKey(readDevPublicKey()));
      if (this.keys.some((key) => spki(key) === devKey)) {
        throw new Error('the development public key (libs/auth/dev-keys) is refused in production');
      }
    }
    this.clockToleranceSeconds = options.clockToleranceSeconds ?? 30;
    this.now = options.now ?? (() => new Date());
    this.rememberedTokens = options.rememberedTokens ?? 1_000;
  }

  /**
   * Why a token verified before is not checked again: a client sends the same token with every
   * request for its lifetime, and an RSA signature check was a sixth of release-calendar's CPU per
   * request. The exact token string is remembered with the user it proved, until it expires; a
   * token that differs by one byte is checked in full. The oldest is forgotten first.
   * @throws AuthenticationError with a short reason when the token is refused.
   */
  verify(token: string): AuthenticatedUser {
    const known = this.remembered.get(token);
    if (known && this.nowSeconds() < known.notAfter) return known.user;
    this.remembered.delete(token);
    const header = decodeHeader(token);
    if (header.alg !== JWT_ALGORITHM) throw new AuthenticationError(`algorithm not allowed (${JWT_ALGORITHM} only)`);
    const payload = this.verifySignatureAndTimes(token);
    const user = userFromClaims(payload);
    this.remember(token, { user, notAfter: (payload.exp as number) + this.clockToleranceSeconds });
    return user;
  }

  private remember(token: string, verified: VerifiedToken): void {
    if (this.rememberedTokens === 0) return;
    if (this.remembered.size >= this.rememberedTokens) this.remembered.delete(this.remembered.keys().next().value as string);
    this.remembered.set(token, verified);
  }

  private nowSeconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  private verifySignatureAndTimes(token: string): jwt.JwtPayload {
    const options: jwt.VerifyOptions & { complete?: false } = {
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      clockTolerance: this.clockToleranceSeconds,
      clockTimestamp: this.nowSeconds(),
    };
    let failure: unknown;
    // jsonwebtoken checks the signature before the times and claims, so "invalid signature"
    // means "not this key": try the next one. Any other failure is final.
    for (const key of this.keys) {
      try {
        const payload = jwt.verify(token, key, options);
        if (typeof payload === 'string') throw new AuthenticationError('payload is not a JSON object');
        return payload;
      } catch (error) {
        failure = error;
        if (!(error instanceof jwt.JsonWebTokenError && error.message === 'invalid signature')) break;
      }
    }
    throw toAuthenticationError(failure);
  }
}

function rsaPublicKey(pem: string, index: number): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new Error(`JWT public key #${index + 1} is not a valid PEM public key`);
  }
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`JWT public key #${index + 1} is not an RSA key (RS256 only)`);
  return key;
}

function spki(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'der' }).toString('base64');
}

function decodeHeader(token: string): jwt.JwtHeader {
  if (typeof token !== 'string' || token.split('.').length !== 3) throw new AuthenticationError('malformed token');
  let decoded: jwt.Jwt | null;
  try {
    decoded = jwt.decode(token, { complete: true });
  } catch {
    decoded = null;
  }
  if (!decoded) throw new AuthenticationError('malformed token');
  return decoded.header;
}

function toAuthenticationError(error: unknown): AuthenticationError {
  if (error instanceof AuthenticationError) return error;
  if (error instanceof jwt.TokenExpiredError) return new AuthenticationError('token expired');
  if (error instanceof jwt.NotBeforeError) return new AuthenticationError('token not yet valid');
  if (error instanceof jwt.JsonWebTokenError) {
    // Fixed reasons only: jsonwebtoken's messages may quote claim values.
    const message = error.message;
    if (message === 'invalid signature') return new AuthenticationError('bad signature');
    if (message.startsWith('jwt audience invalid')) return new AuthenticationError('wrong audience');
    if (message.startsWith('jwt issuer invalid')) return new AuthenticationError('wrong issuer');
    if (message === 'invalid algorithm') return new AuthenticationError(`algorithm not allowed (${JWT_ALGORITHM} only)`);
    if (message === 'jwt signature is required') return new AuthenticationError('missing signature');
    if (message === 'jwt malformed' || message === 'invalid token') return new AuthenticationError('malformed token');
  }
  return new AuthenticationError('invalid token');
}

function userFromClaims(payload: jwt.JwtPayload): AuthenticatedUser {
  if (typeof payload.exp !== 'number') throw new AuthenticationError('missing claim exp');
  if (typeof payload.sub !== 'string' || payload.sub.trim() === '') throw new AuthenticationError('missing claim sub');

  const roles: unknown = payload.roles;
  if (!Array.isArray(roles) || roles.length === 0) throw new AuthenticationError('missing claim roles');
  if (!roles.every(isRole)) throw new AuthenticationError('unknown role in claim roles');

  const departements: unknown = payload.departements;
  if (!Array.isArray(departements)) throw new AuthenticationError('missing claim departements');
  if (!departements.every(isDepartementCode)) throw new AuthenticationError('invalid département code in claim departements');
  if (departements.length === 0 && !(roles as Role[]).includes('admin')) {
    throw new AuthenticationError('missing claim departements (empty is for admin only)');
  }

  const organisation: unknown = payload.organisation;
  if (organisation !== undefined && typeof organisation !== 'string') throw new AuthenticationError('invalid claim organisation');

  return new AuthenticatedUser({ subject: payload.sub, roles, departements, organisation });
}
