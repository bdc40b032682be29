import { AttemptResult, verdictOf } from './attempt-outcome';
import { nextAttemptAt } from './retry-schedule';

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

/** One event for one subscription: its id is the `webhook-id`, the same on every retry. */
export interface DeliveryState {
  id: string;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  /** The record's key (the person, or the structure): deliveries with one key go in order. */
  orderingKey: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt?: string;
  lastStatusCode?: number;
  lastError?: string;
  deliveredAt?: string;
}

export interface AttemptOutcome {
  delivery: DeliveryState;
  /** The endpoint answered 410: it must be disabled. */
  endpointGone: boolean;
  succeeded: boolean;
}

/**
 * Applies one attempt's result: done on a 2xx; failed for good on a 410 or when the schedule is
 * spent (it can be replayed); otherwise due again on the schedule, later if a 429 asked so.
 */
export function afterAttempt(delivery: DeliveryState, result: AttemptResult, now: Date, schedule: readonly number[], random: () => number): AttemptOutcome {
  const verdict = verdictOf(result);
  const attempts = delivery.attempts + 1;
  const trace = result.kind === 'answered' ? { lastStatusCode: result.status, lastError: undefined } : { lastStatusCode: undefined, lastError: result.error };
  if (verdict === 'succeeded') {
    return { delivery: { ...delivery, ...trace, attempts, status: 'succeeded', nextAttemptAt: undefined, deliveredAt: now.toISOString() }, endpointGone: false, succeeded: true };
  }
  const retryAfter = result.kind === 'answered' ? result.retryAfterMs : undefined;
  const next = verdict === 'endpoint_gone' ? undefined : nextAttemptAt(now, attempts, schedule, random, retryAfter);
  return {
    delivery: { ...delivery, ...trace, attempts, status: next ? 'pending' : 'failed', nextAttemptAt: next?.toISOString() },
    endpointGone: verdict === 'endpoint_gone',
    succeeded: false,
  };
}
