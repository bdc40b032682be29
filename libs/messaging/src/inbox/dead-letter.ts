import { IHeaders, KafkaMessage, Producer } from 'kafkajs';
import { deadLetterTopicOf } from '@passerelle/contracts';
import { messagingMetrics } from '../messaging-metrics';

export interface DeadLetterOrigin {
  topic: string;
  partition: number;
  message: KafkaMessage;
  groupId: string;
}

/** Headers a DLQ record carries besides the original ones, so it can be traced and replayed. */
export const DLQ_HEADERS = {
  topic: 'dlq-original-topic',
  partition: 'dlq-original-partition',
  offset: 'dlq-original-offset',
  error: 'dlq-error',
  group: 'dlq-consumer-group',
  failedAt: 'dlq-failed-at',
} as const;

/**
 * Copies the record, untouched, to `<topic>.dlq` with its origin. If this send fails the
 * consumer does not move on, so a record is never dropped.
 */
export async function sendToDeadLetter(producer: Producer, origin: DeadLetterOrigin, error: string): Promise<void> {
  const headers: IHeaders = {
    ...origin.message.headers,
    [DLQ_HEADERS.topic]: origin.topic,
    [DLQ_HEADERS.partition]: String(origin.partition),
    [DLQ_HEADERS.offset]: origin.message.offset,
    [DLQ_HEADERS.error]: error.slice(0, 2000),
    [DLQ_HEADERS.group]: origin.groupId,
    [DLQ_HEADERS.failedAt]: new Date().toISOString(),
  };
  const topic = deadLetterTopicOf(origin.topic);
  await producer.send({ topic, acks: -1, messages: [{ key: origin.message.key, value: origin.message.value, headers }] });
  messagingMetrics.deadLettered.inc({ topic });
}
