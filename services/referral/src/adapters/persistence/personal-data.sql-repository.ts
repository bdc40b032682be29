import { Inject, Injectable } from '@nestjs/common';
import { rowsOf, schemaIdentifier } from '@passerelle/messaging';
import { ClosedCase, platformRowsOf, pseudonymiseOutbox, SERVICE_SCHEMA, Transaction } from '@passerelle/service-kit';
import { PersonalDataRepository } from '../../application/ports/personal-data.repository';

/** What the submitted events said of the person's situation and consent. */
const FILE_EVENT_FIELDS = [
  'household', 'needs', 'resources', 'rightsToReopen', 'preferredTerritories', 'careContinuity', 'consent', 'identity', 'lastName', 'firstNames', 'birthDate',
] as const;

@Injectable()
export class PersonalDataSqlRepository implements PersonalDataRepository {
  private readonly s: string;

  constructor(@Inject(SERVICE_SCHEMA) private readonly schema: string) {
    this.s = schemaIdentifier(schema);
  }

  /**
   * Closed, or withdrawn, released before the day, and nothing recorded on it since. A withdrawn
   * request counts from its actual release only: its expected date stops following the
   * calendar once withdrawn, so a person still in prison may be long past it.
   */
  async closedBefore(tx: Transaction, closedBefore: string, afterId: string, limit: number): Promise<ClosedCase[]> {
    return rowsOf<ClosedCase>(await tx.query(
      `SELECT r.id, r.person_id AS "personId" FROM ${this.s}.referrals r
        WHERE r.status IN ('closed', 'withdrawn') AND r.erased_on IS NULL AND r.id::text > $2
          AND CASE WHEN r.status = 'withdrawn' THEN r.released_on ELSE coalesce(r.released_on, r.expected_release_date) END < $1
          AND NOT EXISTS (SELECT 1 FROM ${this.s}.referral_timeline t
                           WHERE t.referral_id = r.id AND (t.occurred_at AT TIME ZONE 'Europe/Paris')::date >= $1)
        ORDER BY r.id LIMIT $3 FOR UPDATE OF r SKIP LOCKED`,
      [closedBefore, afterId, limit],
    ));
  }

  /**
   * Name, birth date, the file (social evaluation, household, needs, rights, care-continuity flag)
   * and the consent go; the status, départements, dates, outcome and timeline stay: they name no one
   * and are what the audit is about. The person id is a random UUID: a pseudonym.
   */
  async erase(tx: Transaction, cases: ClosedCase[], today: string): Promise<ClosedCase[]> {
    if (cases.length === 0) return [];
    const erased = rowsOf<ClosedCase>(await tx.query(
      `UPDATE ${this.s}.referrals SET last_name = '', first_names = '', birth_date = NULL, file = '{"rights": {}}',
              consent = NULL, returned_missing = '{}', erased_on = $2
        WHERE id = ANY($1::uuid[]) AND erased_on IS NULL RETURNING id, person_id AS "personId"`,
      [cases.map(({ id }) => id), today],
    ));
    await pseudonymiseOutbox(tx, this.schema, erased.map(({ personId }) => personId), FILE_EVENT_FIELDS);
    return erased;
  }

  async rowsOf(tx: Transaction, personId: string): Promise<Record<string, unknown[]>> {
    const query = async (sql: string, params: unknown[]) => rowsOf<{ id: string }>(await tx.query(sql, params));
    const referrals = await query(`SELECT * FROM ${this.s}.referrals WHERE person_id = $1 ORDER BY opened_on, id`, [personId]);
    return {
      referrals,
      referral_timeline: await query(`SELECT * FROM ${this.s}.referral_timeline WHERE referral_id = ANY($1::uuid[]) ORDER BY id`, [referrals.map(({ id }) => id)]),
      sorties_seches: await query(`SELECT * FROM ${this.s}.sorties_seches WHERE person_id = $1 ORDER BY recorded_at`, [personId]),
      tracked_detentions: await query(`SELECT * FROM ${this.s}.tracked_detentions WHERE person_id = $1 ORDER BY registered_at`, [personId]),
      ...(await platformRowsOf(tx, this.schema, personId)),
    };
  }
}
