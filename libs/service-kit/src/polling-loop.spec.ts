import pino from 'pino';
import { PollingLoop } from './polling-loop';

describe('PollingLoop', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  async function roundsIn(ms: number, steady: boolean): Promise<number> {
    let rounds = 0;
    const loop = new PollingLoop({ everyMs: 100, logger: pino({ enabled: false }), steady, round: async () => (rounds += 1) > 0 });
    loop.start();
    await jest.advanceTimersByTimeAsync(ms);
    await loop.stop();
    return rounds;
  }

  it('starts the next round at once while rounds find work', async () => {
    expect(await roundsIn(1_000, false)).toBeGreaterThan(100);
  });

  it('pauses after every round when steady, so that work noted meanwhile is taken in one round', async () => {
    expect(await roundsIn(1_000, true)).toBe(11);
  });
});
