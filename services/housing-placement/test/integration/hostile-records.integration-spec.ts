import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { deadLetterTopicOf, Topics } from '@passerelle/contracts';
import {
  expectEventually, hostileRecords, notDeadLettered, publishHostile, RunningService, startService, testKafka, TopicProbe,
} from '@passerelle/testing';
import { housingPlacementService } from '../../src/housing-placement.definition';
import { HousingPlacementModule } from '../../src/housing-placement.module';
import { aSubmission, requestOf, submit } from '../support/housing-fixtures';

describe('housing-placement: hostile records on the topic it consumes', () => {
  let service: RunningService;
  let producer: Producer;
  let dlq: TopicProbe;

  beforeAll(async () => {
    service = await startService(HousingPlacementModule, housingPlacementService);
    producer = testKafka().producer();
    await producer.connect();
    dlq = await TopicProbe.start(testKafka(), [deadLetterTopicOf(Topics.referral)]);
  });

  afterAll(async () => {
    await dlq.stop();
    await producer.disconnect();
    await service.close();
  });

  it('dead-letters each bad record, then handles the good one behind them on the same partition, and changes nothing else', async () => {
    const good = aSubmission('2B', { personId: randomUUID() });
    const bad = hostileRecords('referral.request.submitted.v1', good.personId);
    await publishHostile(producer, Topics.referral, bad);
    await submit(producer, good);
    await requestOf(service, good.referralId, 'awaiting_review');
    await expectEventually(() => expect(notDeadLettered(bad, dlq.records, Topics.referral, service.groupId)).toEqual([]));
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
  });
});
