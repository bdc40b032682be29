import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { createLogger } from '@passerelle/observability';
import { Backoff, sleep } from '../backoff';
import { EventConsumer } from '../inbox/event-consumer';
import { ensureTopics, kafkaSettingsFromEnv } from '../kafka-client';
import { OutboxRelay } from '../outbox/outbox-relay';
import { HandlerDiscovery } from './handler-discovery';
import { KAFKA, MESSAGING_OPTIONS, MessagingOptions, RELAY_POOL } from './messaging.options';
import { typeOrmTransactionRunner } from './typeorm-transactions';

/**
 * Starts the relay and the consumer once the application (and its migrations) is up, and
 * stops them on SIGTERM. Kafka being down at start does not stop the service: HTTP keeps
 * answering, the outbox fills, and both parts keep trying until the broker is back.
 */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger;
  private relay?: OutboxRelay;
  private consumer?: EventConsumer<EntityManager>;
  private stopping = false;
  private starting?: Promise<void>;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(RELAY_POOL) private readonly pool: Pool,
    private readonly dataSource: DataSource,
    private readonly discovery: HandlerDiscovery,
  ) {
    this.logger = createLogger(options.service).child({ component: 'messaging' });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.relay = new OutboxRelay({ schema: this.options.schema, pool: this.pool, kafka: this.kafka, logger: this.logger });
    await this.relay.start();
    this.consumer = new EventConsumer<EntityManager>({
      kafka: this.kafka,
      groupId: this.options.groupId ?? process.env.KAFKA_GROUP_ID ?? `passerelle.${this.options.service}`,
      schema: this.options.schema,
      transactions: typeOrmTransactionRunner(this.dataSource),
      handlers: this.discovery.registrations(),
      logger: this.logger,
      onGaveUp: () => this.restartConsuming(),
    });
    this.starting = this.startConsuming(this.consumer);
  }

  /** Resolves when topics exist and the consumer has joined its group. */
  whenConsuming(): Promise<void> {
    return this.starting ?? Promise.resolve();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.starting?.catch(() => undefined);
    await this.consumer?.stop();
    await this.relay?.stop();
    await this.pool.end().catch(() => undefined);
  }

  /** A consumer kafkajs gave up on (a non-retriable error) is started again, never left idle. */
  private restartConsuming(): void {
    const consumer = this.consumer;
    if (this.stopping || !consumer) return;
    this.starting = consumer.stop().then(() => this.startConsuming(consumer));
  }

  private async startConsuming(consumer: EventConsumer<EntityManager>): Promise<void> {
    const backoff = new Backoff(500, 10_000);
    while (!this.stopping) {
      try {
        await ensureTopics(this.kafka, kafkaSettingsFromEnv(this.options.service), [...this.options.produces, ...consumer.topics]);
        await consumer.start();
        this.logger.info({ topics: consumer.topics }, 'consuming');
        return;
      } catch (error) {
        this.logger.warn({ err: error }, 'could not start consuming yet; retrying');
        await consumer.stop();
        await sleep(backoff.next());
      }
    }
  }
}
