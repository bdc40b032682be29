import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { mintDevToken } from '@passerelle/auth';
import { requestOpenedV1, RequestOpenedV1 } from '@passerelle/contracts';
import { cloudEventOf, expectEventually, jsonClient, publishEvents, RunningService, startService, testKafka } from '@passerelle/testing';
import { WebhookReceiver } from '@passerelle/system-driver';
import { notificationService } from '../../src/notification.definition';
import { NotificationModule } from '../../src/notification.module';

/** A poll far longer than the test: a webhook that arrives was sent because its deliveries' commit woke the sender. */
const SETTINGS = { WEBHOOK_ALLOWED_ADDRESS_KINDS: 'loopback', WEBHOOK_DISPATCH_EVERY_MS: '3600000' };

jest.setTimeout(150_000);

/** Département 973: no other test file publishes events about it. */
describe('notification: the webhook sender wakes when deliveries commit', () => {
  let service: RunningService;
  let producer: Producer;
  let receiver: WebhookReceiver;
  const saved = Object.fromEntries(Object.keys(SETTINGS).map((name) => [name, process.env[name]]));

  beforeAll(async () => {
    Object.assign(process.env, SETTINGS);
    service = await startService(NotificationModule, notificationService);
    receiver = await WebhookReceiver.start();
    producer = testKafka().producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
    await service.close();
    await receiver.stop();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('sends each event\'s webhook without waiting for the hourly poll', async () => {
    const siao = mintDevToken({ subject: 'siao-973', roles: ['siao'], departements: ['973'] });
    const created = await jsonClient(service.url)('POST', '/v1/subscriptions', siao, {
      url: receiver.url('/woken'), eventTypes: ['referral.request.opened'], departements: ['973'], role: 'siao',
    });
    expect(created.status).toBe(201);
    const people = [randomUUID(), randomUUID()];
    for (const personId of people) {
      const data: RequestOpenedV1 = {
        referralId: randomUUID(), personId, detentionId: randomUUID(), spipDepartement: '973', siaoDepartement: '973',
        expectedReleaseDate: '2027-03-31', urgent: false,
      };
      await publishEvents(producer, requestOpenedV1, cloudEventOf(requestOpenedV1, data));
      await expectEventually(
        () => expect(receiver.at('/woken').map((r) => (JSON.parse(r.body) as { data: { personId: string } }).data.personId)).toContain(personId),
        { timeoutMs: 120_000 },
      );
    }
  });
});
