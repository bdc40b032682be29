import { randomUUID } from 'node:crypto';
import { Message, Producer } from 'kafkajs';
import { deadLetterTopicOf } from '@passerelle/contracts';
import { DLQ_HEADERS } from '@passerelle/messaging';
import { expectEventually } from './expect-eventually';
import { testKafka } from './infrastructure';
import { RunningService } from './service-harness';
import { ProbedRecord, TopicProbe } from './topic-probe';

/** A bad record and why it is bad; its `hostile-id` header finds its dead letter. */
export interface HostileRecord {
  why: string;
  id: string;
  message: Message;
}

/**
 * The records a broken or hostile producer could put on a topic: a value that is not JSON, no
 * CloudEvents headers, an event version nobody knows, an unknown type, a payload that breaks its
 * contract, an empty value. `validType` is an event type the topic carries; `key` puts them all on
 * one partition, so a good record sent after them shows the partition was not blocked.
 */
export function hostileRecords(validType: string, key: string): HostileRecord[] {
  const headers = (type: string) => ({
    'content-type': 'application/json', ce_specversion: '1.0', ce_id: randomUUID(), ce_source: '/passerelle/hostile', ce_type: type,
    ce_time: new Date().toISOString(), ce_subject: 'x', ce_correlationid: `hostile-${randomUUID()}`,
  });
  const versionless = validType.replace(/\.v\d+$/, '');
  const record = (why: string, value: string | null, recordHeaders: Message['headers']): HostileRecord => {
    const id = randomUUID();
    return { why, id, message: { key, value, headers: { ...recordHeaders, 'hostile-id': id } } };
  };
  return [
    record('a value that is not JSON', '{"broken": ', headers(validType)),
    record('no CloudEvents headers', '{}', {}),
    record('a version nobody knows', '{}', headers(`${versionless}.v9`)),
    record('an unknown event type', '{}', headers('hostile.thing.happened.v1')),
    record('a payload that breaks its contract', JSON.stringify({ personId: 'not-a-uuid', departement: "13' OR '1'='1", extra: '<script>' }), headers(validType)),
    record('an empty value', null, headers(validType)),
  ];
}

export async function publishHostile(producer: Producer, topic: string, records: HostileRecord[]): Promise<void> {
  await producer.send({ topic, acks: -1, messages: records.map((record) => record.message) });
}

/** The bad records a consumer group has not yet dead-lettered, found in the probe of the topic's DLQ. */
export function notDeadLettered(records: HostileRecord[], dlq: ProbedRecord[], topic: string, groupId: string): string[] {
  const dead = new Set(dlq
    .filter((r) => r.topic === deadLetterTopicOf(topic) && r.header(DLQ_HEADERS.group) === groupId)
    .map((r) => r.header('hostile-id')));
  return records.filter((record) => !dead.has(record.id)).map((record) => record.why);
}

/**
 * The hostile-records test of a service consuming `topics` (each with one type it carries): every bad
 * record of every topic dead-lettered by the service's own group, and the service still healthy.
 */
export function describeHostileRecords(title: string, start: () => Promise<RunningService>, topics: ReadonlyArray<readonly [string, string]>): void {
  describe(title, () => {
    let service: RunningService;
    let producer: Producer;
    let dlq: TopicProbe;

    beforeAll(async () => {
      service = await start();
      producer = testKafka().producer();
      await producer.connect();
      dlq = await TopicProbe.start(testKafka(), topics.map(([topic]) => deadLetterTopicOf(topic)));
    });

    afterAll(async () => {
      await dlq.stop();
      await producer.disconnect();
      await service.close();
    });

    it('dead-letters every bad record of every topic and stays healthy', async () => {
      const sent = await Promise.all(topics.map(async ([topic, type]) => {
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
}
