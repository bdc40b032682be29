import { Pool, PoolClient } from 'pg';
import { Kafka, Partitioners, Producer, TopicMessages } from 'kafkajs';
import { Logger } from 'pino';
import { CloudEvent, toKafkaMessage } from '../cloud-event';
import { messagingMetrics } from '../messaging-metrics';
import { outboxChannel } from '../messaging-schema';
import { pgTransactionRunner, schemaIdentifier } from '../sql';
import { Backoff, sleep } from '../backoff';
import { CommitListener } from '../commit-listener';

/**
 * The backlog gauges are read on their own timer: after every round they cost a statement per
 * round for a figure that is zero while the relay keeps up, and were never read while Kafka was
 * down, when the backlog grows and the figure matters.
 */
const BACKLOG_METRICS_EVERY_MS = 5_000;

export interface OutboxRelayOptions {
  schema: string;
  pool: Pool;
  kafka: Kafka;
  logger: Logger;
  batchSize?: number;
  /** Polling fallback when no NOTIFY arrives (a missed notification, a LISTEN connection lost). */
  pollIntervalMs?: number;
}

interface OutboxRow {
  seq: string;
  id: string;
  topic: string;
  partition_key: string;
  type: string;
  source: string;
  subject: string;
  occurred_at: Date;
  correlation_id: string;
  causation_id: string | null;
  data: unknown;
}

/**
 * Publishes committed outbox rows to Kafka in `seq` order with an idempotent producer and
 * acks=all, then marks them published. At-least-once: a crash between send and mark
 * republishes the batch, and consumers' inboxes drop the copies.
 *
 * Only one relay per schema publishes at a time (a transaction-level advisory lock), because
 * two relays sending interleaved batches could reorder one person's events. `seq` is taken at
 * insert, so across people it is not commit order; for one person it is, because use cases
 * lock the person's aggregate row, so their transactions commit one after the other.
 * FOR UPDATE SKIP LOCKED keeps a claimed row from being claimed again should the lock ever
 * be given up (a retention job deleting published rows, say) without waiting on it.
 */
export class OutboxRelay {
  private readonly table: string;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private producer?: Producer;
  private producerConnected = false;
  private listener?: CommitListener;
  private running = false;
  private loop?: Promise<void>;
  private metricsTimer?: NodeJS.Timeout;
  private wake?: () => void;
  /** A commit notified while a batch was being sent: the next wait returns at once. */
  private notified = false;

  constructor(private readonly options: OutboxRelayOptions) {
    this.table = `${schemaIdentifier(options.schema)}.outbox`;
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
  }

  async start(): Promise<void> {
    // Retries stay bounded (kafkajs warns about it for idempotent producers) so that a broker
    // outage ends the batch and releases its row locks; the batch is then sent again whole.
    this.producer = this.options.kafka.producer({
      idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner, retry: { retries: 5 },
    });
    this.running = true;
    this.loop = this.run();
    this.listener = new CommitListener({
      connection: this.options.pool.options, channel: outboxChannel(this.options.schema), onNotify: () => this.onNotification(),
    });
    this.listener.start();
    this.metricsTimer = setInterval(() => void this.refreshBacklogMetrics(), BACKLOG_METRICS_EVERY_MS).unref();
  }

  /** Finishes the batch in flight, then stops; unpublished rows stay for the next start. */
  async stop(): Promise<void> {
    this.running = false;
    clearInterval(this.metricsTimer);
    this.notified = true;
    this.wake?.();
    await this.loop;
    await this.listener?.stop();
    await this.producer?.disconnect().catch(() => undefined);
  }

  /** Publishes one batch now; returns how many rows it published. */
  publishBatch(): Promise<number> {
    return pgTransactionRunner(this.options.pool).run((client) => this.claimAndSend(client));
  }

  private async claimAndSend(client: PoolClient): Promise<number> {
    const lock = await client.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [this.table]);
    if (!lock.rows[0].locked) return 0;
    const { rows } = await client.query<OutboxRow>(
      `SELECT seq, id, topic, partition_key, type, source, subject, occurred_at, correlation_id, causation_id, data
         FROM ${this.table} WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [this.batchSize],
    );
    if (rows.length === 0) return 0;
    await (await this.connectedProducer()).sendBatch({ topicMessages: this.toTopicMessages(rows), acks: -1 });
    await client.query(`UPDATE ${this.table} SET published_at = now(), publish_attempts = publish_attempts + 1 WHERE seq = ANY($1::bigint[])`,
      [rows.map((row) => row.seq)]);
    rows.forEach((row) => messagingMetrics.published.inc({ type: row.type }));
    return rows.length;
  }

  /** Rows keep their seq order inside each topic, hence inside each partition. */
  private toTopicMessages(rows: OutboxRow[]): TopicMessages[] {
    const byTopic = new Map<string, TopicMessages>();
    for (const row of rows) {
      const entry = byTopic.get(row.topic) ?? { topic: row.topic, messages: [] };
      entry.messages.push(toKafkaMessage(this.toCloudEvent(row), row.partition_key));
      byTopic.set(row.topic, entry);
    }
    return [...byTopic.values()];
  }

  private toCloudEvent(row: OutboxRow): CloudEvent {
    return {
      id: row.id,
      source: row.source,
      type: row.type,
      specversion: '1.0',
      time: row.occurred_at.toISOString(),
      subject: row.subject,
      datacontenttype: 'application/json',
      correlationid: row.correlation_id,
      causationid: row.causation_id ?? undefined,
      data: row.data,
    };
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) throw new Error('relay not started');
    if (!this.producerConnected) {
      await this.producer.connect();
      this.producerConnected = true;
    }
    return this.producer;
  }

  private async resetProducer(): Promise<void> {
    this.producerConnected = false;
    await this.producer?.disconnect().catch(() => undefined);
  }

  private async run(): Promise<void> {
    const backoff = new Backoff(200, 5000);
    while (this.running) {
      try {
        const published = await this.publishBatch();
        backoff.reset();
        if (published === this.batchSize) continue;
        await this.waitForWork();
      } catch (error) {
        this.options.logger.warn({ err: error, schema: this.options.schema }, 'outbox relay could not publish; will retry');
        await this.resetProducer();
        await sleep(backoff.next());
      }
    }
  }

  private waitForWork(): Promise<void> {
    if (this.notified) {
      this.notified = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      this.wake = done;
    });
  }

  private onNotification(): void {
    if (this.wake) this.wake();
    else this.notified = true;
  }

  /** A database that cannot answer leaves the last figures: the relay's own errors report the outage. */
  private async refreshBacklogMetrics(): Promise<void> {
    const read = await this.options.pool.query(
      `SELECT count(*)::int AS backlog, coalesce(extract(epoch FROM now() - min(occurred_at)), 0)::float AS age
         FROM ${this.table} WHERE published_at IS NULL`,
    ).catch(() => undefined);
    if (!read) return;
    messagingMetrics.outboxBacklog.set({ schema: this.options.schema }, read.rows[0].backlog);
    messagingMetrics.outboxOldestAge.set({ schema: this.options.schema }, read.rows[0].age);
  }
}
