import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The committed development key pair; see libs/auth/dev-keys/README.md.
const DEV_KEYS_DIRECTORY = join(__dirname, '..', 'dev-keys');

export function readDevPublicKey(): string {
  return readFileSync(join(DEV_KEYS_DIRECTORY, 'dev-public.pem'), 'utf8');
}

export function readDevPrivateKey(): string {
  return readFileSync(join(DEV_KEYS_DIRECTORY, 'dev-private.pem'), 'utf8');
}
