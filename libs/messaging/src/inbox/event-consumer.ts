import { Consumer, EachBatchPayload, Kafka, KafkaMessage, Partitioners, Producer } from 'kafkajs';
import { performance } from 'node:perf_hooks';
import { Logger } from 'pino';
import { AnyEventDescriptor, EVENT_CATALOG, InvalidPayloadError, parsePayload } from '@passerelle/contracts';
import { CorrelationContext } from '@passerelle/observability';
import { fromKafkaMessage, headerText, MalformedEnvelopeError } from '../cloud-event';
import { Backoff, sleep } from '../backoff';
import { messagingMetrics } from '../messaging-metrics';
import { schemaIdentifier, SqlExecutor, TransactionRunner } from '../sql';
import { BatchPreparationFn, ConsumedEvent, EventHandlerRegistration } from './consumed-event';
import { sendToDeadLetter } from './dead-letter';
import { isTransientInfrastructureError } from './transient-error';
import { ConsumerLagProbe } from './consumer-lag-probe';
import { OffsetCommits } from './offset-commits';
import { inboxKey, recordInInbox } from './inbox-record';

export interface EventConsumerOptions<Tx extends SqlExecutor> {
  kafka: Kafka;
  groupId: string;
  /** Schema holding this service's inbox table. */
  schema: string;
  transactions: TransactionRunner<Tx>;
  handlers: EventHandlerRegistration<Tx>[];
  logger: Logger;
  /** Types this consumer may meet; anything else is dead-lettered. Defaults to the contracts' catalog. */
  catalog?: readonly AnyEventDescriptor[];
  /** Attempts of a failing handler before its record goes to the DLQ. */
  maxAttempts?: number;
  retryInitialMs?: number;
  retryMaxMs?: number;
  partitionsConsumedConcurrently?: number;
  /** Most records of one partition handled in one transaction (one inbox insert, one commit). */
  maxBatchSize?: number;
  /** How long the broker may hold a fetch to gather FETCH_MIN_BYTES: the price of batching, per hop. */
  fetchMaxWaitMs?: number;
  /** Called when kafkajs crashed the consumer and will not restart it; the owner starts it again. */
  onGaveUp?: () => void;
}

interface Handleable {
  event: ConsumedEvent<object>;
  registration: EventHandlerRegistration<SqlExecutor>;
  message: KafkaMessage;
}

type Decoded =
  | ({ kind: 'event' } & Handleable)
  | { kind: 'ignored'; type: string; message: KafkaMessage }
  | { kind: 'dead'; type: string; reason: string; message: KafkaMessage };

const HEARTBEAT_EVERY_MS = 2_000;
const MAX_BATCH_SIZE = 100;
/**
 * The broker answers a fetch once it holds this much or `fetchMaxWaitMs` has passed. Answering at
 * the first byte (kafkajs's default) costs a fetch per record and per consumer under a steady
 * trickle, which at 100 changes a second took more CPU than the records themselves.
 */
const FETCH_MIN_BYTES = 64 * 1024;
const FETCH_MAX_WAIT_MS = 100;

/**
 * Consumes the handlers' topics as one consumer group. Per record: decode the CloudEvent,
 * validate its payload, then run its handler and the inbox insert in one transaction.
 * A record that cannot be decoded or validated goes to `<topic>.dlq` at once; a handler that
 * keeps failing goes there after `maxAttempts`; infrastructure failures are retried until the
 * infrastructure is back. Either way the partition moves on and never blocks on a bad record.
 *
 * Under load a partition's fetch holds many records: up to `maxBatchSize` of them are handled, in
 * order, in one transaction with one inbox insert, so the cost of a transaction is shared. If that
 * transaction fails, nothing of it stays and its halves are tried the same way, down to single
 * records handled as above, so one failing record costs only itself.
 */
export class EventConsumer<Tx extends SqlExecutor> {
  private readonly handlers = new Map<string, EventHandlerRegistration<SqlExecutor>>();
  private readonly known: Set<string>;
  private readonly inboxTable: string;
  private consumer?: Consumer;
  private deadLetters?: Producer;
  private lagProbe?: ConsumerLagProbe;
  private commits?: OffsetCommits;
  private running = false;

  constructor(private readonly options: EventConsumerOptions<Tx>) {
    for (const registration of options.handlers) {
      if (this.handlers.has(registration.descriptor.type)) throw new Error(`two handlers for ${registration.descriptor.type}`);
      this.handlers.set(registration.descriptor.type, registration as unknown as EventHandlerRegistration<SqlExecutor>);
    }
    this.known = new Set([...(options.catalog ?? EVENT_CATALOG), ...options.handlers.map((h) => h.descriptor)].map((d) => d.type));
    this.inboxTable = `${schemaIdentifier(options.schema)}.inbox`;
  }

  get topics(): string[] {
    return [...new Set([...this.handlers.values()].map((registration) => registration.descriptor.topic))];
  }

  async start(): Promise<void> {
    if (this.handlers.size === 0) return;
    const { kafka, groupId } = this.options;
    this.deadLetters = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    await this.deadLetters.connect();
    this.consumer = kafka.consumer({
      groupId, sessionTimeout: 30_000, heartbeatInterval: 3_000, rebalanceTimeout: 60_000,
      minBytes: FETCH_MIN_BYTES, maxWaitTimeInMs: this.options.fetchMaxWaitMs ?? FETCH_MAX_WAIT_MS,
    });
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      this.options.logger.error({ err: payload.error, restart: payload.restart, groupId }, 'kafka consumer crashed');
      if (!payload.restart && this.running) this.options.onGaveUp?.();
    });
    const consumer = this.consumer;
    this.commits = new OffsetCommits(
      (offsets) => consumer.commitOffsets(offsets),
      (error) => this.options.logger.debug({ err: error, groupId }, 'offsets not committed: their records will come again'),
    );
    // Before the partitions go to another member, what was handled here is committed.
    consumer.on(consumer.events.REBALANCING, () => void this.commits?.flush());
    await consumer.connect();
    await consumer.subscribe({ topics: this.topics, fromBeginning: true });
    this.running = true;
    this.commits.start();
    await consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 6,
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.onBatch(payload),
    });
    this.lagProbe = new ConsumerLagProbe(kafka, groupId, this.topics);
    this.lagProbe.start();
  }

  /** Lets the record in flight finish (or be released uncommitted), then leaves the group. */
  async stop(): Promise<void> {
    this.running = false;
    await this.lagProbe?.stop();
    await this.commits?.stop();
    await this.consumer?.disconnect().catch(() => undefined);
    await this.deadLetters?.disconnect().catch(() => undefined);
  }

  private async onBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const size = this.options.maxBatchSize ?? MAX_BATCH_SIZE;
    for (let start = 0; start < batch.messages.length; start += size) {
      if (!isRunning() || isStale()) return;
      const messages = batch.messages.slice(start, start + size);
      await this.withHeartbeat(heartbeat, () => this.handleRecords(batch.topic, batch.partition, messages));
      resolveOffset(messages[messages.length - 1].offset);
      this.commits?.handled(batch.topic, batch.partition, messages[messages.length - 1].offset);
    }
  }

  private async withHeartbeat(heartbeat: () => Promise<void>, work: () => Promise<void>): Promise<void> {
    const keepAlive = setInterval(() => heartbeat().catch(() => undefined), HEARTBEAT_EVERY_MS);
    try {
      await work();
    } finally {
      clearInterval(keepAlive);
    }
  }

  private async handleRecords(topic: string, partition: number, messages: KafkaMessage[]): Promise<void> {
    const decoded = messages.map((message) => this.decode(topic, partition, message));
    await this.handleSplitting(topic, partition, decoded.filter((record): record is Decoded & { kind: 'event' } => record.kind === 'event'));
    for (const record of decoded) {
      if (record.kind === 'ignored') messagingMetrics.consumed.inc({ type: record.type, outcome: 'ignored' });
      if (record.kind === 'dead') await this.deadLetter(topic, partition, record.message, record.type, record.reason);
    }
  }

  /**
   * The records in one transaction; if it fails, nothing of it stays and each half is tried again
   * the same way, in order, down to one record and its retries: a failing record among a hundred
   * costs about fifteen transactions, and the others are still handled once each.
   */
  private async handleSplitting(topic: string, partition: number, records: Handleable[]): Promise<void> {
    if (records.length === 0) return;
    if (records.length === 1) {
      const [record] = records;
      return this.handleWithRetries(record, (reason) => this.deadLetter(topic, partition, record.message, record.event.type, reason));
    }
    if (await this.handledTogether(records)) return;
    const middle = Math.ceil(records.length / 2);
    await this.handleSplitting(topic, partition, records.slice(0, middle));
    await this.handleSplitting(topic, partition, records.slice(middle));
  }

  /** The records' one transaction; false when it failed, nothing of it kept. */
  private async handledTogether(records: Handleable[]): Promise<boolean> {
    try {
      await this.handleOnce(records);
      return true;
    } catch (error) {
      if (!this.running) throw error;
      this.options.logger.debug({ err: error, records: records.length }, 'a batch of events failed: trying each half');
      return false;
    }
  }

  private decode(topic: string, partition: number, message: KafkaMessage): Decoded {
    const type = headerText(message.headers, 'ce_type') ?? 'unknown';
    try {
      const envelope = fromKafkaMessage(message);
      if (!this.known.has(envelope.type)) return { kind: 'dead', type: envelope.type, reason: `unknown event type ${envelope.type}`, message };
      const registration = this.handlers.get(envelope.type);
      if (!registration) return { kind: 'ignored', type: envelope.type, message };
      const data = parsePayload(registration.descriptor, envelope.data, { rejectUnknownFields: false });
      const event: ConsumedEvent<object> = {
        id: envelope.id, type: envelope.type, source: envelope.source, subject: envelope.subject, time: envelope.time,
        correlationId: envelope.correlationid, causationId: envelope.causationid,
        key: message.key?.toString('utf8') ?? '', topic, partition, offset: message.offset, data,
      };
      return { kind: 'event', event, registration, message };
    } catch (error) {
      if (error instanceof MalformedEnvelopeError || error instanceof InvalidPayloadError) {
        return { kind: 'dead', type, reason: error.message, message };
      }
      throw error;
    }
  }

  private async handleWithRetries(record: Handleable, deadLetter: (reason: string) => Promise<void>): Promise<void> {
    const { event } = record;
    const backoff = new Backoff(this.options.retryInitialMs ?? 200, this.options.retryMaxMs ?? 10_000);
    const maxAttempts = this.options.maxAttempts ?? 5;
    let failures = 0;
    for (;;) {
      try {
        await this.handleOnce([record]);
        return;
      } catch (error) {
        // Stopping: leave the record uncommitted for the next owner of the partition.
        if (!this.running) throw error;
        const transient = isTransientInfrastructureError(error);
        if (!transient) failures += 1;
        this.options.logger.warn({ err: error, eventId: event.id, type: event.type, failures, transient }, 'event handler failed');
        if (failures >= maxAttempts) return deadLetter(`handler failed ${failures} times: ${(error as Error).message}`);
        await sleep(backoff.next());
      }
    }
  }

  /** One transaction: the inbox rows of all the records, then, in order, the handler of each one not seen before. */
  private async handleOnce(records: Handleable[]): Promise<void> {
    const started = performance.now();
    const outcomes = await this.options.transactions.run(async (tx) => {
      const fresh = await recordInInbox(tx, this.inboxTable, records.map((record) => record.event));
      // Deleted once taken: the same event twice in one batch has one effect.
      const each = records.map(({ event }) => (fresh.delete(inboxKey(event)) ? 'handled' : 'duplicate'));
      const toHandle = records.filter((_, index) => each[index] === 'handled');
      await prepareAll(toHandle, tx);
      for (const { event, registration } of toHandle) {
        await CorrelationContext.run({ correlationId: event.correlationId, causationId: event.id }, () => registration.handle(event, tx));
      }
      return each;
    });
    const secondsEach = (performance.now() - started) / 1000 / records.length;
    records.forEach(({ event }, index) => {
      messagingMetrics.handlerSeconds.observe({ type: event.type }, secondsEach);
      messagingMetrics.consumed.inc({ type: event.type, outcome: outcomes[index] });
    });
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, type: string, reason: string): Promise<void> {
    this.options.logger.error({ topic, partition, offset: message.offset, type, reason }, 'record sent to the dead-letter topic');
    await sendToDeadLetter(this.deadLetters!, { topic, partition, message, groupId: this.options.groupId }, reason);
    messagingMetrics.consumed.inc({ type, outcome: 'dead_lettered' });
  }
}

/** Each preparation once, with the events of its handlers, in their order. */
async function prepareAll(records: Handleable[], tx: SqlExecutor): Promise<void> {
  const byPreparation = new Map<BatchPreparationFn<SqlExecutor>, ConsumedEvent<object>[]>();
  for (const { event, registration } of records) {
    if (!registration.prepare) continue;
    const events = byPreparation.get(registration.prepare);
    if (events) events.push(event);
    else byPreparation.set(registration.prepare, [event]);
  }
  for (const [prepare, events] of byPreparation) await prepare(events, tx);
}
