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

  describe('wake', () => {
    function idleLoop(onRound: () => Promise<void> = async () => undefined) {
      const rounds: number[] = [];
      const loop = new PollingLoop({
        everyMs: 10_000, logger: pino({ enabled: false }),
        round: async () => {
          rounds.push(Date.now());
          await onRound();
          return false;
        },
      });
      return { loop, rounds };
    }

    it('starts a round now instead of after the pause', async () => {
      const { loop, rounds } = idleLoop();
      loop.start();
      await jest.advanceTimersByTimeAsync(1_000);
      loop.wake();
      await jest.advanceTimersByTimeAsync(1);
      await loop.stop();
      expect(rounds).toHaveLength(2);
    });

    it('during a round, starts the next one right after it, once', async () => {
      let wakeDuringRound = true;
      const { loop, rounds } = idleLoop(async () => {
        if (wakeDuringRound) {
          wakeDuringRound = false;
          loop.wake();
          loop.wake();
        }
      });
      loop.start();
      await jest.advanceTimersByTimeAsync(1_000);
      await loop.stop();
      expect(rounds).toHaveLength(2);
    });

    it('does nothing once stopped, or when the loop is off', async () => {
      const { loop, rounds } = idleLoop();
      loop.start();
      await jest.advanceTimersByTimeAsync(1);
      await loop.stop();
      loop.wake();
      const off = new PollingLoop({ everyMs: 0, logger: pino({ enabled: false }), round: async () => rounds.push(0) > 0 });
      off.wake();
      await jest.advanceTimersByTimeAsync(20_000);
      expect(rounds).toHaveLength(1);
    });
  });
});
