/**
 * SSRF guard: a webhook may not reach the machine itself, the private networks behind it or the
 * cloud metadata endpoint, unless configuration allows it (a development receiver on loopback).
 */
export type AddressKind = 'public' | 'loopback' | 'private' | 'link-local' | 'reserved';

export function kindOfAddress(address: string): AddressKind {
  const v4 = ipv4Inside(address.toLowerCase());
  if (v4) return kindOfIpv4(v4);
  return kindOfIpv6(address.toLowerCase());
}

/** An IPv4 address, written as such or mapped into IPv6 (`::ffff:10.0.0.1`, or `::ffff:a00:1` as URLs write it). */
function ipv4Inside(address: string): number[] | undefined {
  const tail = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(tail)) return tail.split('.').map(Number);
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (!hex) return undefined;
  const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return [high >> 8, high & 255, low >> 8, low & 255];
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
  // NAT64 (64:ff9b::/96) reaches IPv4 through a translator: whatever it hides is not checked.
  if (address === '::' || address.startsWith('ff') || address.startsWith('64:ff9b:')) return 'reserved';
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
