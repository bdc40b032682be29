import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { deadLetterTopicOf, detentionRegisteredV1, requestOpenedV1, Topics } from '@passerelle/contracts';
import {
  expectEventually, hostileRecords, notDeadLettered, publishHostile, RunningService, startService, testKafka, TopicProbe,
} from '@passerelle/testing';
import { notificationService } from '../../src/notification.definition';
import { NotificationModule } from '../../src/notification.module';

/** One event type each consumed topic carries. */
const TOPICS = [
  [Topics.releaseCalendar, detentionRegisteredV1.type],
  [Topics.referral, requestOpenedV1.type],
  [Topics.housingPlacement, 'housing-placement.placement.confirmed.v1'],
] as const;

describe('notification: hostile records on every topic it consumes', () => {
  let service: RunningService;
  let producer: Producer;
  let dlq: TopicProbe;

  beforeAll(async () => {
    service = await startService(NotificationModule, notificationService);
    producer = testKafka().producer();
    await producer.connect();
    dlq = await TopicProbe.start(testKafka(), TOPICS.map(([topic]) => deadLetterTopicOf(topic)));
  });

  afterAll(async () => {
    await dlq.stop();
    await producer.disconnect();
    await service.close();
  });

  it('dead-letters every bad record of every topic and stays healthy', async () => {
    const sent = await Promise.all(TOPICS.map(async ([topic, type]) => {
      const bad = hostileRecords(type, randomUUID());
      await publishHostile(producer, topic, bad);
      return { topic, bad };
    }));
    await expectEventually(() => {
      for (const { topic, bad } of sent) expect({ topic, missing: notDeadLettered(bad, dlq.records, topic, service.groupId) }).toEqual({ topic, missing: [] });
    }, { timeoutMs: 120_000 });
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
  }, 150_000);
});
