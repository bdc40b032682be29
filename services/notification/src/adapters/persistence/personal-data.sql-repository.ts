import { Inject, Injectable } from '@nestjs/common';
import { rowsOf, schemaIdentifier } from '@passerelle/messaging';
import { ClosedCase, platformRowsOf, SERVICE_SCHEMA, Transaction } from '@passerelle/service-kit';
import { PersonalDataRepository } from '../../application/ports/personal-data.repository';

/** What names the person, or tells their situation, in a webhook's data. */
const NAMING_FIELDS = [
  'identity', 'lastName', 'firstNames', 'birthDate', 'ecrou',
  'household', 'needs', 'resources', 'rightsToReopen', 'preferredTerritories', 'careContinuity', 'consent',
];

const PERSON_OF = `(d.body::jsonb -> 'data' ->> 'personId')`;

@Injectable()
export class PersonalDataSqlRepository implements PersonalDataRepository {
  private readonly s: string;

  constructor(@Inject(SERVICE_SCHEMA) private readonly schema: string) {
    this.s = schemaIdentifier(schema);
  }

  /** Delivered or given up, about a person, and no attempt on or after the day. */
  async closedBefore(tx: Transaction, closedBefore: string, afterId: string, limit: number): Promise<ClosedCase[]> {
    return rowsOf<ClosedCase>(await tx.query(
      `SELECT d.id, ${PERSON_OF} AS "personId" FROM ${this.s}.webhook_deliveries d
        WHERE d.status <> 'pending' AND d.erased_on IS NULL AND d.id::text > $2 AND ${PERSON_OF} IS NOT NULL
          AND (coalesce(greatest(d.delivered_at, d.next_attempt_at), d.created_at) AT TIME ZONE 'Europe/Paris')::date < $1
          AND NOT EXISTS (SELECT 1 FROM ${this.s}.webhook_attempts a
                           WHERE a.delivery_id = d.id AND (a.attempted_at AT TIME ZONE 'Europe/Paris')::date >= $1)
        ORDER BY d.id LIMIT $3 FOR UPDATE OF d SKIP LOCKED`,
      [closedBefore, afterId, limit],
    ));
  }

  /** The body keeps the event's type, time and ids (the subscriber's history), not what named the person. */
  async erase(tx: Transaction, cases: ClosedCase[], today: string): Promise<ClosedCase[]> {
    if (cases.length === 0) return [];
    const erased = rowsOf<{ id: string }>(await tx.query(
      `UPDATE ${this.s}.webhook_deliveries
          SET body = jsonb_set(body::jsonb, '{data}', (body::jsonb -> 'data') - $3::text[])::text, erased_on = $2
        WHERE id = ANY($1::uuid[]) AND erased_on IS NULL RETURNING id`,
      [cases.map(({ id }) => id), today, NAMING_FIELDS],
    )).map(({ id }) => id);
    return cases.filter(({ id }) => erased.includes(id));
  }

  async rowsOf(tx: Transaction, personId: string): Promise<Record<string, unknown[]>> {
    const deliveries = rowsOf<{ id: string }>(await tx.query(
      `SELECT d.* FROM ${this.s}.webhook_deliveries d WHERE d.ordering_key = $1 AND ${PERSON_OF} = $1 ORDER BY d.seq`, [personId],
    ));
    const attempts = rowsOf(await tx.query(
      `SELECT * FROM ${this.s}.webhook_attempts WHERE delivery_id = ANY($1::uuid[]) ORDER BY id`, [deliveries.map(({ id }) => id)],
    ));
    const outlook = async (table: string) => rowsOf(await tx.query(`SELECT * FROM ${this.s}.${table} WHERE person_id = $1`, [personId]));
    return {
      webhook_deliveries: deliveries, webhook_attempts: attempts,
      outlook_releases: await outlook('outlook_releases'), outlook_placements: await outlook('outlook_placements'),
      ...(await platformRowsOf(tx, this.schema, personId)),
    };
  }
}
