import { queryPrepared } from '../prepared-query';
import { rowsOf, SqlExecutor } from '../sql';
import { ConsumedEvent } from './consumed-event';

/** An event's key in the inbox: its source and id, as CloudEvents identify it. */
export function inboxKey(event: Pick<ConsumedEvent<unknown>, 'source' | 'id'>): string {
  return `${event.source}\u0000${event.id}`;
}

/**
 * Marks events handled in one statement and returns the keys of those not seen before: a
 * redelivered event (or one repeated within the same batch) is left out, so it has no second effect.
 */
export async function recordInInbox(tx: SqlExecutor, inboxTable: string, events: ConsumedEvent<unknown>[]): Promise<Set<string>> {
  const inserted = rowsOf<{ source: string; event_id: string }>(await queryPrepared(tx,
    `INSERT INTO ${inboxTable} (source, event_id, type, partition_key, topic, kafka_partition, kafka_offset)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::bigint[])
     ON CONFLICT DO NOTHING RETURNING source, event_id`,
    [
      events.map((e) => e.source), events.map((e) => e.id), events.map((e) => e.type), events.map((e) => e.key),
      events.map((e) => e.topic), events.map((e) => e.partition), events.map((e) => e.offset),
    ],
  ));
  return new Set(inserted.map((row) => inboxKey({ source: row.source, id: row.event_id })));
}
