import { randomUUID } from 'node:crypto';
import { AnyEventDescriptor, EventDescriptor, parsePayload } from '@passerelle/contracts';
import { CorrelationContext } from '@passerelle/observability';
import { outboxChannel } from '../messaging-schema';
import { schemaIdentifier, SqlExecutor } from '../sql';
import { appendRows } from '../held-appends';

export interface OutboxWriterOptions {
  /** The service's database schema, which holds its outbox table. */
  schema: string;
  /** CloudEvents `source` of everything this service publishes, e.g. `/passerelle/referral`. */
  source: string;
  now?: () => Date;
}

/**
 * Adds events to the outbox inside the caller's transaction: the event exists if and only if
 * the state change that caused it commits. Payloads are validated here, so an invalid event
 * fails the use case instead of reaching Kafka. The relay publishes after commit.
 */
/** One event to write: its descriptor and its payload, paired by `outboxEntry`. */
export interface OutboxEntry {
  descriptor: AnyEventDescriptor;
  payload: object;
}

export function outboxEntry<T extends object>(descriptor: EventDescriptor<T>, payload: T): OutboxEntry {
  return { descriptor, payload };
}

const COLUMNS = 10;

export class OutboxWriter {
  private readonly table: string;

  constructor(private readonly options: OutboxWriterOptions) {
    this.table = `${schemaIdentifier(options.schema)}.outbox`;
  }

  async add<T extends object>(tx: SqlExecutor, descriptor: EventDescriptor<T>, payload: T): Promise<string> {
    const [id] = await this.addMany(tx, [outboxEntry(descriptor, payload)]);
    return id;
  }

  /** Several events of one transaction in one statement (imports, sweeps), in the order given. */
  async addMany(tx: SqlExecutor, entries: OutboxEntry[]): Promise<string[]> {
    if (entries.length === 0) return [];
    const ids = CorrelationContext.currentOrNew();
    const occurredAt = (this.options.now?.() ?? new Date()).toISOString();
    const rows = entries.map(({ descriptor, payload }) => {
      const data = parsePayload(descriptor, payload);
      return [randomUUID(), descriptor.topic, descriptor.key(data), descriptor.type, this.options.source, descriptor.subject(data),
        occurredAt, ids.correlationId, ids.causationId ?? null, JSON.stringify(data)];
    });
    // The NOTIFY goes with the rows (the flush's final SELECT): PostgreSQL delivers it only at
    // commit, and drops it on rollback, so the relay wakes for committed rows.
    await appendRows(tx, {
      into: `${this.table} (id, topic, partition_key, type, source, subject, occurred_at, correlation_id, causation_id, data)`,
      columns: COLUMNS, rows, notify: outboxChannel(this.options.schema),
    });
    return rows.map((row) => row[0] as string);
  }
}
