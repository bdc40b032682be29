import { CrowdSystem } from './support/crowd-system';

/**
 * The whole system with 520 people of one département: the four services as separate processes on
 * the real broker and database, driven only through their public APIs, over nine months of days.
 */
describe('a crowd of people through the four services', () => {
  let crowd: CrowdSystem;

  beforeAll(async () => {
    crowd = await CrowdSystem.start('crowd');
  });

  afterAll(async () => {
    await crowd?.stop();
  });

  it('opens one request per window, raises the right alerts, records the right sorties sèches, delivers each webhook once and counts the same figures as the test', async () => {
    const outcomes = await crowd.playAndCheck();
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([]);
  });
});
