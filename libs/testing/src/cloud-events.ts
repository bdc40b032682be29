import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { EventDescriptor } from '@passerelle/contracts';
import { CloudEvent, toKafkaMessage } from '@passerelle/messaging';

/** The CloudEvent a producing service would publish for this payload (valid or, on purpose, not). */
export function cloudEventOf<T extends object>(descriptor: EventDescriptor<T>, data: T, id: string = randomUUID()): CloudEvent<T> {
  return {
    id,
    source: `/passerelle/${descriptor.type.split('.')[0]}`,
    type: descriptor.type,
    specversion: '1.0',
    time: new Date().toISOString(),
    subject: descriptor.subject(data),
    datacontenttype: 'application/json',
    correlationid: `test-${id}`,
    data,
  };
}

/** Puts events on their descriptor's topic, keyed as the producer would key them. */
export function publishEvents<T extends object>(producer: Producer, descriptor: EventDescriptor<T>, ...events: CloudEvent<T>[]) {
  return producer.send({ topic: descriptor.topic, acks: -1, messages: events.map((event) => toKafkaMessage(event, descriptor.key(event.data))) });
}
