import { Consumer, IHeaders, Kafka } from 'kafkajs';
import { headerText } from '@passerelle/messaging';
import { uniqueName } from './infrastructure';

export interface ProbedRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  headers: IHeaders;
  value: string;
  header(name: string): string | undefined;
  json<T = unknown>(): T;
}

/** Reads topics from the beginning with a group of its own and keeps every record it sees. */
export class TopicProbe {
  readonly records: ProbedRecord[] = [];
  private consumer?: Consumer;


  static async start(kafka: Kafka, topics: string[]): Promise<TopicProbe> {
    const probe = new TopicProbe();
    probe.consumer = kafka.consumer({ groupId: uniqueName('probe') });
    await probe.consumer.connect();
    await probe.consumer.subscribe({ topics, fromBeginning: true });
    await probe.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        probe.records.push({
          topic, partition, offset: message.offset,
          key: message.key?.toString('utf8') ?? '',
          headers: message.headers ?? {},
          value: message.value?.toString('utf8') ?? '',
          header: (name) => headerText(message.headers, name),
          json: () => JSON.parse(message.value?.toString('utf8') ?? 'null'),
        });
      },
    });
    return probe;
  }

  ofType(type: string): ProbedRecord[] {
    return this.records.filter((record) => record.header('ce_type') === type);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
