import { Type } from '@nestjs/common';
import { Producer } from 'kafkajs';
import { deadLetterTopicOf, EventDescriptor } from '@passerelle/contracts';
import { CloudEvent } from '@passerelle/messaging';
import { ServiceDefinition } from '@passerelle/service-kit';
import { publishEvents } from './cloud-events';
import { testKafka } from './infrastructure';
import { RunningService, startService } from './service-harness';
import { TopicProbe } from './topic-probe';

/** A consuming service booted for a test, a producer standing in for the upstream service, and its DLQ watched. */
export interface ConsumerUnderTest<T extends object> {
  service: RunningService;
  deadLetters: TopicProbe;
  publish(...events: CloudEvent<T>[]): Promise<unknown>;
  close(): Promise<void>;
}

export async function startConsumerUnderTest<T extends object>(
  module: Type<unknown>,
  definition: ServiceDefinition,
  upstream: EventDescriptor<T>,
): Promise<ConsumerUnderTest<T>> {
  const service = await startService(module, definition);
  const producer: Producer = testKafka().producer();
  await producer.connect();
  const deadLetters = await TopicProbe.start(testKafka(), [deadLetterTopicOf(upstream.topic)]);
  return {
    service,
    deadLetters,
    publish: (...events) => publishEvents(producer, upstream, ...events),
    async close() {
      await deadLetters.stop();
      await producer.disconnect();
      await service.close();
    },
  };
}
