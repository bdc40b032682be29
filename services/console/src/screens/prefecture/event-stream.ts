import { SseMessage, SseParser } from './sse-parser';

export type StreamStatus = 'connecting' | 'open' | 'retrying' | 'refused';

export interface EventStreamOptions {
  url: string;
  token?: string;
  onMessage(message: SseMessage): void;
  onStatus?(status: StreamStatus): void;
  /** Injected in the unit tests. */
  fetch?: typeof fetch;
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const FIRST_DELAY_MS = 1_000;
const LONGEST_DELAY_MS = 30_000;

/** The wait before the n-th retry in a row (0 first): doubles from a second (or the server's `retry`) up to 30 s. */
export function backoffDelay(attempt: number, base = FIRST_DELAY_MS): number {
  return Math.min(LONGEST_DELAY_MS, base * 2 ** attempt);
}

function abortableWait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

/**
 * A Server-Sent Events stream read with fetch, so the bearer token goes in the Authorization header
 * (EventSource cannot send it): reconnects with backoff when the stream ends or fails, stops for good
 * on a refusal (401, 403: a new token will not come by waiting) and when closed.
 */
export function openEventStream(options: EventStreamOptions): { close(): void } {
  const controller = new AbortController();
  const { signal } = controller;
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  const wait = options.wait ?? abortableWait;
  const status = (value: StreamStatus) => !signal.aborted && options.onStatus?.(value);

  /** One connection, read to its end; `heard` tells whether any event came through it. */
  async function readOnce(parser: SseParser, heard: () => void): Promise<'ended' | 'refused'> {
    const headers: Record<string, string> = { accept: 'text/event-stream', 'x-correlation-id': crypto.randomUUID() };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await doFetch(options.url, { headers, signal, cache: 'no-store' });
    if (response.status === 401 || response.status === 403) return 'refused';
    if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
    status('open');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return 'ended';
      for (const message of parser.feed(value)) {
        heard();
        options.onMessage(message);
      }
    }
  }

  void (async () => {
    let attempt = 0;
    let serverDelay: number | undefined;
    while (!signal.aborted) {
      status(attempt === 0 ? 'connecting' : 'retrying');
      const parser = new SseParser();
      let heard = false;
      try {
        if ((await readOnce(parser, () => (heard = true))) === 'refused') {
          status('refused');
          return;
        }
      } catch {
        // A network failure or an aborted read: the loop decides whether to try again.
      }
      if (signal.aborted) return;
      serverDelay = parser.retry ?? serverDelay;
      // A connection that delivered events was healthy: the backoff starts over.
      if (heard) attempt = 0;
      status('retrying');
      await wait(backoffDelay(attempt, serverDelay), signal);
      attempt += 1;
    }
  })();

  return { close: () => controller.abort() };
}
