import { Backoff, sleep } from './backoff';

describe('Backoff', () => {
  afterEach(() => jest.restoreAllMocks());

  function delays(backoff: Backoff, count: number): number[] {
    return Array.from({ length: count }, () => backoff.next());
  }

  it('doubles its ceiling at each attempt, starting at the initial delay', () => {
    jest.spyOn(Math, 'random').mockReturnValue(1);
    expect(delays(new Backoff(100, 100_000), 5)).toEqual([100, 200, 400, 800, 1600]);
  });

  it('waits at least half of the ceiling (jitter spreads the other half)', () => {
    jest.spyOn(Math, 'random').mockReturnValue(0);
    expect(delays(new Backoff(100, 100_000), 4)).toEqual([50, 100, 200, 400]);
  });

  it('never exceeds the maximum, however many attempts', () => {
    jest.spyOn(Math, 'random').mockReturnValue(1);
    const backoff = new Backoff(100, 1000);
    expect(delays(backoff, 6)).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(Math.max(...delays(backoff, 2000))).toBe(1000);
  });

  it('stays between half the ceiling and the ceiling with real randomness', () => {
    const backoff = new Backoff(100, 1000);
    const ceilings = [100, 200, 400, 800, 1000, 1000, 1000];
    delays(backoff, ceilings.length).forEach((delay, attempt) => {
      expect(delay).toBeGreaterThanOrEqual(ceilings[attempt] / 2);
      expect(delay).toBeLessThanOrEqual(ceilings[attempt]);
    });
  });

  it('starts again from the initial delay after reset', () => {
    jest.spyOn(Math, 'random').mockReturnValue(1);
    const backoff = new Backoff(100, 1000);
    delays(backoff, 5);
    backoff.reset();
    expect(delays(backoff, 2)).toEqual([100, 200]);
  });
});

describe('sleep', () => {
  afterEach(() => jest.useRealTimers());

  it('resolves after the given delay', async () => {
    jest.useFakeTimers();
    let done = false;
    const sleeping = sleep(500).then(() => {
      done = true;
    });
    await jest.advanceTimersByTimeAsync(499);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await sleeping;
    expect(done).toBe(true);
  });
});
