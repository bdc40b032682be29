import { createHmac, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as jwt from 'jsonwebtoken';
import { AuthenticationError } from './authentication.errors';
import { readDevPrivateKey, readDevPublicKey } from './dev-keys';
import { mintDevToken } from './dev-token';
import { JwtVerifier, publicKeysFromEnv } from './jwt-verifier';

const otherKeys = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

const devVerifier = () => new JwtVerifier({ env: { NODE_ENV: 'test' } });

const goodClaims = { roles: ['spip'], departements: ['75', '92'] };
const goodOptions: jwt.SignOptions = { algorithm: 'RS256', issuer: 'passerelle', audience: 'passerelle', subject: 'alice', expiresIn: 600 };

/** Signs with the good options, overridden by `options`; an `undefined` option is left out. */
function signed(claims: object, options: Partial<jwt.SignOptions> = {}, key = readDevPrivateKey()): string {
  const merged = Object.entries({ ...goodOptions, ...options }).filter(([, value]) => value !== undefined);
  return jwt.sign(claims, key, Object.fromEntries(merged) as jwt.SignOptions);
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function refusal(verifier: JwtVerifier, token: string): AuthenticationError {
  try {
    verifier.verify(token);
  } catch (error) {
    if (error instanceof AuthenticationError) return error;
    throw error;
  }
  throw new Error('token was accepted');
}

describe('JwtVerifier', () => {
  it('accepts a development token and returns the user of its claims', () => {
    const token = mintDevToken({ subject: 'alice', roles: ['spip'], departements: ['75', '2A'], organisation: 'spip-75' });

    const user = devVerifier().verify(token);

    expect(user).toMatchObject({ subject: 'alice', roles: ['spip'], departements: ['75', '2A'], organisation: 'spip-75' });
  });

  it('refuses an expired token', () => {
    const token = mintDevToken({ subject: 'alice', roles: ['spip'], departements: ['75'], expiresInSeconds: 3600 });
    const later = new JwtVerifier({ env: { NODE_ENV: 'test' }, now: () => new Date(Date.now() + 2 * 3600_000) });

    expect(refusal(later, token).reason).toBe('token expired');
  });

  it('accepts a token it verified before only until it expires, counting the clock tolerance', () => {
    let now = Date.now();
    const verifier = new JwtVerifier({ env: { NODE_ENV: 'test' }, now: () => new Date(now), clockToleranceSeconds: 30 });
    const token = signed(goodClaims, { expiresIn: 600 });
    const exp = (jwt.decode(token) as jwt.JwtPayload).exp!;
    const user = verifier.verify(token);

    now = (exp + 29) * 1000;
    expect(verifier.verify(token)).toBe(user);
    now = (exp + 30) * 1000;
    expect(refusal(verifier, token).reason).toBe('token expired');
  });

  it('checks in full a token that differs by one byte from one it verified', () => {
    const verifier = devVerifier();
    const token = signed(goodClaims);
    verifier.verify(token);
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${base64url({ ...(jwt.decode(token) as object), roles: ['admin'] })}.${signature}`;

    expect(refusal(verifier, forged).reason).toBe('bad signature');
    const flipped = signature.startsWith('A') ? 'B' : 'A';
    expect(refusal(verifier, `${header}.${payload}.${flipped}${signature.slice(1)}`).reason).toBe('bad signature');
  });

  it('refuses a token signed by another key', () => {
    const token = signed(goodClaims, {}, otherKeys.privateKey);

    expect(refusal(devVerifier(), token).reason).toBe('bad signature');
  });

  it('refuses alg none', () => {
    const payload = { ...goodClaims, sub: 'alice', iss: 'passerelle', aud: 'passerelle', exp: Math.floor(Date.now() / 1000) + 600 };
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`;

    expect(refusal(devVerifier(), token).reason).toBe('algorithm not allowed (RS256 only)');
  });

  it('refuses HS256, even with the public key as the HMAC secret', () => {
    const payload = { ...goodClaims, sub: 'alice', iss: 'passerelle', aud: 'passerelle', exp: Math.floor(Date.now() / 1000) + 600 };
    const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}`;
    const signature = createHmac('sha256', readDevPublicKey()).update(unsigned).digest('base64url');

    expect(refusal(devVerifier(), `${unsigned}.${signature}`).reason).toBe('algorithm not allowed (RS256 only)');
  });

  it('refuses another audience or issuer', () => {
    expect(refusal(devVerifier(), signed(goodClaims, { audience: 'elsewhere' })).reason).toBe('wrong audience');
    expect(refusal(devVerifier(), signed(goodClaims, { issuer: 'elsewhere' })).reason).toBe('wrong issuer');
  });

  it('requires exp and sub', () => {
    expect(refusal(devVerifier(), signed(goodClaims, { expiresIn: undefined })).reason).toBe('missing claim exp');
    expect(refusal(devVerifier(), signed(goodClaims, { subject: undefined })).reason).toBe('missing claim sub');
  });

  it('refuses missing, empty or unknown roles', () => {
    expect(refusal(devVerifier(), signed({ departements: ['75'] })).reason).toBe('missing claim roles');
    expect(refusal(devVerifier(), signed({ roles: [], departements: ['75'] })).reason).toBe('missing claim roles');
    expect(refusal(devVerifier(), signed({ roles: ['spip', 'root'], departements: ['75'] })).reason).toBe('unknown role in claim roles');
  });

  it('refuses a bad département code', () => {
    for (const code of ['20', '99', '977', 75]) {
      expect(refusal(devVerifier(), signed({ roles: ['siao'], departements: [code] })).reason)
        .toBe('invalid département code in claim departements');
    }
  });

  it('accepts an admin without départements, nobody else', () => {
    expect(devVerifier().verify(signed({ roles: ['admin'], departements: [] })).departements).toEqual([]);
    expect(refusal(devVerifier(), signed({ roles: ['siao'], departements: [] })).reason)
      .toBe('missing claim departements (empty is for admin only)');
    expect(refusal(devVerifier(), signed({ roles: ['admin'] })).reason).toBe('missing claim departements');
  });

  it('refuses garbage without quoting the token', () => {
    const error = refusal(devVerifier(), 'not-a-jwt');
    expect(error.reason).toBe('malformed token');

    const token = signed(goodClaims, {}, otherKeys.privateKey);
    expect(refusal(devVerifier(), token).message).not.toContain(token.split('.')[1]);
  });

  it('accepts every configured key during a rotation', () => {
    const env = { NODE_ENV: 'test', AUTH_JWT_PUBLIC_KEY: `${otherKeys.publicKey}\n${readDevPublicKey()}`.replace(/\n/g, '\\n') };
    const verifier = new JwtVerifier({ env });

    expect(verifier.verify(signed(goodClaims)).subject).toBe('alice');
    expect(verifier.verify(signed(goodClaims, {}, otherKeys.privateKey)).subject).toBe('alice');
    expect(refusal(verifier, signed(goodClaims, { expiresIn: -60 }, otherKeys.privateKey)).reason).toBe('token expired');
  });

  it('reads keys from AUTH_JWT_PUBLIC_KEY_FILE', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'auth-')), 'keys.pem');
    writeFileSync(file, otherKeys.publicKey);

    expect(publicKeysFromEnv({ AUTH_JWT_PUBLIC_KEY_FILE: file })).toEqual([otherKeys.publicKey.trim()]);
    expect(() => publicKeysFromEnv({ AUTH_JWT_PUBLIC_KEY: 'secret' })).toThrow(/PEM public keys/);
    expect(() => publicKeysFromEnv({ AUTH_JWT_PUBLIC_KEY: otherKeys.privateKey })).toThrow(/PEM public keys/);
  });

  it('needs a key other than the development one in production', () => {
    expect(() => new JwtVerifier({ env: { NODE_ENV: 'production' } })).toThrow(/AUTH_JWT_PUBLIC_KEY or AUTH_JWT_PUBLIC_KEY_FILE must be set in production/);
    expect(() => new JwtVerifier({ env: { NODE_ENV: 'production', AUTH_JWT_PUBLIC_KEY: readDevPublicKey() } })).toThrow(/development public key/);
    expect(new JwtVerifier({ env: { NODE_ENV: 'production', AUTH_JWT_PUBLIC_KEY: otherKeys.publicKey } })).toBeInstanceOf(JwtVerifier);
  });
});

describe('mintDevToken', () => {
  it('refuses to mint in production', () => {
    expect(() => mintDevToken({ subject: 'a', roles: ['admin'], departements: [] }, { NODE_ENV: 'production' })).toThrow(/production/);
  });
});
