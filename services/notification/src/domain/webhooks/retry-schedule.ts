/** After the first try: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (as Stripe and Svix users expect). */
export const DEFAULT_RETRY_SCHEDULE_MS = [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];

/** Spreads retries by up to ±10 % so a recovering endpoint is not hit by all its deliveries at once. */
export const JITTER = 0.1;

/**
 * When the next attempt is due after `attempts` failed ones, or undefined when the schedule is
 * spent. A 429's Retry-After is honoured when it asks for longer.
 */
export function nextAttemptAt(now: Date, attempts: number, schedule: readonly number[], random: () => number, retryAfterMs?: number): Date | undefined {
  if (attempts >= schedule.length) return undefined;
  const planned = schedule[attempts] * (1 + JITTER * (2 * random() - 1));
  return new Date(now.getTime() + Math.max(planned, retryAfterMs ?? 0));
}
