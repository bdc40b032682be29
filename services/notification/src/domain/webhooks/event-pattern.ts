/** The event type without its version: subscribers name `referral.request.submitted`, the record says `….v1`. */
export function unversioned(type: string): string {
  return type.replace(/\.v\d+$/, '');
}

/** `*` (every event), `release-calendar.*` (one service's), or one type, with or without its version. */
export function isEventPattern(pattern: string): boolean {
  return pattern === '*' || /^[a-z-]+(\.[a-z-]+)*(\.\*|\.v\d+)?$/.test(pattern);
}

export function matchesPattern(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type || pattern === unversioned(type);
}
