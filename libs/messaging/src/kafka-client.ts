import { Admin, ITopicConfig, Kafka, logLevel, LogEntry } from 'kafkajs';
import { Logger } from 'pino';
import { deadLetterTopicOf } from '@passerelle/contracts';
import { sleep } from './backoff';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** Partitions of topics this service creates; at least 3 so per-person ordering is exercised. */
  topicPartitions: number;
  replicationFactor: number;
}

export function kafkaSettingsFromEnv(clientId: string, env: NodeJS.ProcessEnv = process.env): KafkaSettings {
  const brokers = (env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',').map((broker) => broker.trim()).filter(Boolean);
  return {
    brokers,
    clientId,
    topicPartitions: Number(env.KAFKA_TOPIC_PARTITIONS ?? 6),
    replicationFactor: Number(env.KAFKA_REPLICATION_FACTOR ?? 1),
  };
}

const PINO_LEVEL: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** A kafkajs client whose own logs go to pino; its INFO chatter is demoted to debug. */
export function createKafka(settings: KafkaSettings, logger: Logger): Kafka {
  const kafkaLogger = logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 300, retries: 8 },
    logCreator: () => ({ namespace, level, log }: LogEntry) => {
      const { message, ...extra } = log;
      const pinoLevel = level === logLevel.INFO ? 'debug' : PINO_LEVEL[level] ?? 'debug';
      kafkaLogger[pinoLevel]({ namespace, ...extra }, message);
    },
  });
}

/**
 * Creates the topics and their dead-letter twins if missing; an existing topic is left as it is.
 * A broker that has just started may still answer that it does not host a new partition, so the
 * whole step is tried again a few times before giving up.
 */
export async function ensureTopics(kafka: Kafka, settings: KafkaSettings, topics: string[]): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await createMissingTopics(kafka, settings, topics);
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleep(500 * attempt);
    }
  }
}

async function createMissingTopics(kafka: Kafka, settings: KafkaSettings, topics: string[]): Promise<void> {
  const admin: Admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = [...new Set(topics.flatMap((topic) => [topic, deadLetterTopicOf(topic)]))].filter((topic) => !existing.has(topic));
    if (wanted.length === 0) return;
    const configs: ITopicConfig[] = wanted.map((topic) => ({
      topic,
      numPartitions: settings.topicPartitions,
      replicationFactor: settings.replicationFactor,
    }));
    await admin.createTopics({ topics: configs, waitForLeaders: true });
    await admin.fetchTopicMetadata({ topics: wanted });
  } finally {
    await admin.disconnect();
  }
}
