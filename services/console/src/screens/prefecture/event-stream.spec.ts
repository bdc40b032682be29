import { backoffDelay, openEventStream, StreamStatus } from './event-stream';
import { SseMessage } from './sse-parser';

function streamOf(chunks: string[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the event stream read with fetch', () => {
  it('doubles its wait from a second up to thirty, or from the server’s retry', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(backoffDelay(1, 3000)).toBe(6000);
  });

  it('sends the bearer token, hands each event over and reconnects when the stream ends', async () => {
    const calls: RequestInit[] = [];
    const answers = [streamOf(['event: indicators\ndata: {"a"', ':1}\n\n']), streamOf([]), streamOf([])];
    const waits: number[] = [];
    const messages: SseMessage[] = [];
    const statuses: StreamStatus[] = [];
    const stream = openEventStream({
      url: '/api/notification/v1/indicators/stream?departement=13',
      token: 'the-token',
      onMessage: (message) => messages.push(message),
      onStatus: (status) => statuses.push(status),
      fetch: async (_url, init) => {
        calls.push(init ?? {});
        const answer = answers.shift();
        if (!answer) throw new TypeError('network down');
        return answer;
      },
      wait: async (ms) => { waits.push(ms); if (waits.length >= 4) stream.close(); },
    });
    await settle();
    expect(messages).toEqual([{ type: 'indicators', data: '{"a":1}' }]);
    expect((calls[0].headers as Record<string, string>).authorization).toBe('Bearer the-token');
    // After a stream that delivered, the backoff starts over; empty ones and failures make it grow.
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
    expect(statuses.slice(0, 3)).toEqual(['connecting', 'open', 'retrying']);
  });

  it('stops for good when the token is refused', async () => {
    const statuses: StreamStatus[] = [];
    let calls = 0;
    openEventStream({
      url: '/stream',
      onMessage: () => undefined,
      onStatus: (status) => statuses.push(status),
      fetch: async () => { calls += 1; return new Response('{}', { status: 403 }); },
      wait: async () => undefined,
    });
    await settle();
    expect(calls).toBe(1);
    expect(statuses).toEqual(['connecting', 'refused']);
  });

  it('stops reading once closed', async () => {
    let calls = 0;
    const stream = openEventStream({ url: '/stream', onMessage: () => undefined, fetch: async () => { calls += 1; return streamOf([]); }, wait: async () => undefined });
    stream.close();
    await settle();
    expect(calls).toBeLessThanOrEqual(1);
  });
});
