/** What one HTTP attempt gave: only a 2xx is a success; a 410 says the endpoint is gone for good. */
export type AttemptResult =
  | { kind: 'answered'; status: number; retryAfterMs?: number; latencyMs: number }
  | { kind: 'failed'; error: string; latencyMs: number };

export type AttemptVerdict = 'succeeded' | 'endpoint_gone' | 'retry';

export function verdictOf(result: AttemptResult): AttemptVerdict {
  if (result.kind === 'failed') return 'retry';
  if (result.status >= 200 && result.status < 300) return 'succeeded';
  return result.status === 410 ? 'endpoint_gone' : 'retry';
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from `now`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
