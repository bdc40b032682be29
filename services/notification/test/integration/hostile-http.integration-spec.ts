import { hostileHttpFindings, RunningService, startService } from '@passerelle/testing';
import { notificationService } from '../../src/notification.definition';
import { NotificationModule } from '../../src/notification.module';

describe('notification: every operation of its API against hostile requests', () => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startService(NotificationModule, notificationService);
  });

  afterAll(() => service.close());

  it('answers each with the 4xx it deserves, never a 5xx, and stays healthy', async () => {
    expect(await hostileHttpFindings(service.url)).toEqual([]);
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
  });
});
