/**
 * SSRF guard: a webhook may not reach the machine itself, the private networks behind it or the
 * cloud metadata endpoint, unless configuration allows it (a development receiver on loopback).
 */
export type AddressKind = 'public' | 'loopback' | 'private' | 'link-local' | 'reserved';

export function kindOfAddress(address: string): AddressKind {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(v4)) return kindOfIpv4(v4.split('.').map(Number));
  return kindOfIpv6(address.toLowerCase());
}

function kindOfIpv4([a, b]: number[]): AddressKind {
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127)) return 'private';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 0 || a >= 224 || (a === 192 && b === 0) || (a === 198 && (b === 18 || b === 19))) return 'reserved';
  return 'public';
}

function kindOfIpv6(address: string): AddressKind {
  if (address === '::1') return 'loopback';
  if (address === '::' || address.startsWith('ff')) return 'reserved';
  if (/^fe[89ab]/.test(address)) return 'link-local';
  if (/^f[cd]/.test(address)) return 'private';
  return 'public';
}

/** Which kinds the deployment lets webhooks reach besides public addresses. */
export interface AddressPolicy {
  allowed: ReadonlySet<AddressKind>;
}

export function isReachable(address: string, policy: AddressPolicy): boolean {
  const kind = kindOfAddress(address);
  return kind === 'public' || policy.allowed.has(kind);
}
