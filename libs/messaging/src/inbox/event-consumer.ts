import { Consumer, EachMessagePayload, Kafka, KafkaMessage, Partitioners, Producer } from 'kafkajs';
import { Logger } from 'pino';
import { AnyEventDescriptor, EVENT_CATALOG, InvalidPayloadError, parsePayload } from '@passerelle/contracts';
import { CorrelationContext } from '@passerelle/observability';
import { fromKafkaMessage, headerText, MalformedEnvelopeError } from '../cloud-event';
import { Backoff, sleep } from '../backoff';
import { messagingMetrics } from '../messaging-metrics';
import { rowsOf, schemaIdentifier, SqlExecutor, TransactionRunner } from '../sql';
import { ConsumedEvent, EventHandlerRegistration } from './consumed-event';
import { sendToDeadLetter } from './dead-letter';
import { isTransientInfrastructureError } from './transient-error';
import { ConsumerLagProbe } from './consumer-lag-probe';

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
  /** Called when kafkajs crashed the consumer and will not restart it; the owner starts it again. */
  onGaveUp?: () => void;
}

type Decoded =
  | { kind: 'event'; event: ConsumedEvent<object>; registration: EventHandlerRegistration<SqlExecutor> }
  | { kind: 'ignored'; type: string }
  | { kind: 'dead'; type: string; reason: string };

const HEARTBEAT_EVERY_MS = 2_000;

/**
 * Consumes the handlers' topics as one consumer group. Per record: decode the CloudEvent,
 * validate its payload, then run its handler and the inbox insert in one transaction.
 * A record that cannot be decoded or validated goes to `<topic>.dlq` at once; a handler that
 * keeps failing goes there after `maxAttempts`; infrastructure failures are retried until the
 * infrastructure is back. Either way the partition moves on and never blocks on a bad record.
 */
export class EventConsumer<Tx extends SqlExecutor> {
  private readonly handlers = new Map<string, EventHandlerRegistration<SqlExecutor>>();
  private readonly known: Set<string>;
  private readonly inboxTable: string;
  private consumer?: Consumer;
  private deadLetters?: Producer;
  private lagProbe?: ConsumerLagProbe;
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
    this.consumer = kafka.consumer({ groupId, sessionTimeout: 30_000, heartbeatInterval: 3_000, rebalanceTimeout: 60_000 });
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      this.options.logger.error({ err: payload.error, restart: payload.restart, groupId }, 'kafka consumer crashed');
      if (!payload.restart && this.running) this.options.onGaveUp?.();
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    this.running = true;
    await this.consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 6,
      eachMessage: (payload) => this.onMessage(payload),
    });
    this.lagProbe = new ConsumerLagProbe(kafka, groupId, this.topics);
    this.lagProbe.start();
  }

  /** Lets the record in flight finish (or be released uncommitted), then leaves the group. */
  async stop(): Promise<void> {
    this.running = false;
    await this.lagProbe?.stop();
    await this.consumer?.disconnect().catch(() => undefined);
    await this.deadLetters?.disconnect().catch(() => undefined);
  }

  private async onMessage({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const keepAlive = setInterval(() => heartbeat().catch(() => undefined), HEARTBEAT_EVERY_MS);
    try {
      const decoded = this.decode(topic, partition, message);
      if (decoded.kind === 'ignored') {
        messagingMetrics.consumed.inc({ type: decoded.type, outcome: 'ignored' });
      } else if (decoded.kind === 'dead') {
        await this.deadLetter(topic, partition, message, decoded.type, decoded.reason);
      } else {
        await this.handleWithRetries(decoded.event, decoded.registration, (reason) => this.deadLetter(topic, partition, message, decoded.event.type, reason));
      }
    } finally {
      clearInterval(keepAlive);
    }
  }

  private decode(topic: string, partition: number, message: KafkaMessage): Decoded {
    const type = headerText(message.headers, 'ce_type') ?? 'unknown';
    try {
      const envelope = fromKafkaMessage(message);
      if (!this.known.has(envelope.type)) return { kind: 'dead', type: envelope.type, reason: `unknown event type ${envelope.type}` };
      const registration = this.handlers.get(envelope.type);
      if (!registration) return { kind: 'ignored', type: envelope.type };
      const data = parsePayload(registration.descriptor, envelope.data, { rejectUnknownFields: false });
      const event: ConsumedEvent<object> = {
        id: envelope.id, type: envelope.type, source: envelope.source, subject: envelope.subject, time: envelope.time,
        correlationId: envelope.correlationid, causationId: envelope.causationid,
        key: message.key?.toString('utf8') ?? '', topic, partition, offset: message.offset, data,
      };
      return { kind: 'event', event, registration };
    } catch (error) {
      if (error instanceof MalformedEnvelopeError || error instanceof InvalidPayloadError) {
        return { kind: 'dead', type, reason: error.message };
      }
      throw error;
    }
  }

  private async handleWithRetries(
    event: ConsumedEvent<object>,
    registration: EventHandlerRegistration<SqlExecutor>,
    deadLetter: (reason: string) => Promise<void>,
  ): Promise<void> {
    const backoff = new Backoff(this.options.retryInitialMs ?? 200, this.options.retryMaxMs ?? 10_000);
    const maxAttempts = this.options.maxAttempts ?? 5;
    let failures = 0;
    for (;;) {
      const stopwatch = messagingMetrics.handlerSeconds.startTimer({ type: event.type });
      try {
        const outcome = await this.handleOnce(event, registration);
        stopwatch();
        messagingMetrics.consumed.inc({ type: event.type, outcome });
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

  private handleOnce(event: ConsumedEvent<object>, registration: EventHandlerRegistration<SqlExecutor>): Promise<'handled' | 'duplicate'> {
    return this.options.transactions.run(async (tx) => {
      const inserted = rowsOf(await tx.query(
        `INSERT INTO ${this.inboxTable} (source, event_id, type, partition_key, topic, kafka_partition, kafka_offset)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING event_id`,
        [event.source, event.id, event.type, event.key, event.topic, event.partition, event.offset],
      ));
      if (inserted.length === 0) return 'duplicate';
      await CorrelationContext.run({ correlationId: event.correlationId, causationId: event.id }, () => registration.handle(event, tx));
      return 'handled';
    });
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, type: string, reason: string): Promise<void> {
    this.options.logger.error({ topic, partition, offset: message.offset, type, reason }, 'record sent to the dead-letter topic');
    await sendToDeadLetter(this.deadLetters!, { topic, partition, message, groupId: this.options.groupId }, reason);
    messagingMetrics.consumed.inc({ type, outcome: 'dead_lettered' });
  }
}
