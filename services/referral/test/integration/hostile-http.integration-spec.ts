import { hostileHttpFindings, RunningService, startService } from '@passerelle/testing';
import { referralService } from '../../src/referral.definition';
import { ReferralModule } from '../../src/referral.module';

describe('referral: every operation of its API against hostile requests', () => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startService(ReferralModule, referralService);
  });

  afterAll(() => service.close());

  it('answers each with the 4xx it deserves, never a 5xx, and stays healthy', async () => {
    expect(await hostileHttpFindings(service.url)).toEqual([]);
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
  });
});
