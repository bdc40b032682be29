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

/** The longest wait a 429 may ask for: an endpoint cannot park its deliveries for ever. */
export const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/** Retry-After in seconds or as an HTTP date, in milliseconds from `now`, at most a day; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  const ms = /^\d+$/.test(header.trim()) ? Number(header.trim()) * 1000 : Date.parse(header) - now.getTime();
  return Number.isNaN(ms) ? undefined : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}
