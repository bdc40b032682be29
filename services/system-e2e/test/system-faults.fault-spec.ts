import { CrowdSystem } from './support/crowd-system';
import { FaultPlan } from './support/fault-plan';

/**
 * Retries of a webhook, short enough to happen within the test (the default waits 5 s, 5 min,
 * 30 min…): about three minutes in all, longer than the receiver stays down.
 */
const WEBHOOK_RETRY_SCHEDULE_MS = '0,1000,2000,4000,8000,15000,30000,30000,30000,30000,30000';

/**
 * The crowd's story again, with faults injected one after another in the middle of the work:
 * every check of the crowd must still hold. Nothing lost, nothing doubled.
 */
describe('the crowd through kills, restarts, a second instance, broker and database outages and a receiver down', () => {
  let crowd: CrowdSystem;
  let faults: FaultPlan;

  beforeAll(async () => {
    crowd = await CrowdSystem.start('faults', { notification: { WEBHOOK_RETRY_SCHEDULE_MS } });
    faults = new FaultPlan(crowd);
  });

  afterAll(async () => {
    try {
      await faults?.cleanUp();
    } finally {
      await crowd?.stop();
    }
  });

  it('still opens one request per window, raises the right alerts, records the right sorties sèches, delivers each webhook once and counts the same figures', async () => {
    const outcomes = await crowd.playAndCheck(faults.at);
    console.log(`[fault] ${faults.injected.length} of ${faults.planned} faults injected${faults.skipped.length ? `, skipped: ${faults.skipped.join(', ')}` : ''}`);
    expect(faults.injected).toHaveLength(faults.planned);
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([]);
  });
});
