import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The ids that follow one piece of work from an HTTP request through the outbox,
 * Kafka headers and every consumer down to a webhook.
 */
export interface CorrelationIds {
  correlationId: string;
  /** Id of the event whose handling caused the current work, if any. */
  causationId?: string;
}

const storage = new AsyncLocalStorage<CorrelationIds>();

export const CorrelationContext = {
  run<T>(ids: CorrelationIds, work: () => T): T {
    return storage.run(ids, work);
  },
  current(): CorrelationIds | undefined {
    return storage.getStore();
  },
  /** The current ids, or new ones for work that starts on its own (a sweep, a relay batch). */
  currentOrNew(): CorrelationIds {
    return storage.getStore() ?? { correlationId: randomUUID() };
  },
};

export const CORRELATION_HEADER = 'x-correlation-id';
