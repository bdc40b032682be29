import { hostileHttpFindings, RunningService, startService } from '@passerelle/testing';
import { housingPlacementService } from '../../src/housing-placement.definition';
import { HousingPlacementModule } from '../../src/housing-placement.module';

describe('housing-placement: every operation of its API against hostile requests', () => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startService(HousingPlacementModule, housingPlacementService);
  });

  afterAll(() => service.close());

  it('answers each with the 4xx it deserves, never a 5xx, and stays healthy', async () => {
    expect(await hostileHttpFindings(service.url)).toEqual([]);
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
  });
});
