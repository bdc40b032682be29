import { randomUUID } from 'node:crypto';
import { Message, Producer } from 'kafkajs';
import { deadLetterTopicOf } from '@passerelle/contracts';
import { DLQ_HEADERS } from '@passerelle/messaging';
import { ProbedRecord } from './topic-probe';

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
