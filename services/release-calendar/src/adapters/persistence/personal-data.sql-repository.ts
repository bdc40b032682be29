import { Inject, Injectable } from '@nestjs/common';
import { rowsOf, schemaIdentifier } from '@passerelle/messaging';
import { ClosedCase, platformRowsOf, pseudonymiseOutbox, SERVICE_SCHEMA, Transaction } from '@passerelle/service-kit';
import { PersonalDataRepository } from '../../application/ports/personal-data.repository';

/** What names the person in the events release-calendar published (the window-opened identity). */
const NAMING_EVENT_FIELDS = ['identity', 'lastName', 'firstNames', 'birthDate', 'ecrou'] as const;

@Injectable()
export class PersonalDataSqlRepository implements PersonalDataRepository {
  private readonly s: string;

  constructor(@Inject(SERVICE_SCHEMA) private readonly schema: string) {
    this.s = schemaIdentifier(schema);
  }

  /** Released before the day (the release day is the expected date the release recorded). */
  async closedBefore(tx: Transaction, closedBefore: string, afterId: string, limit: number): Promise<ClosedCase[]> {
    return rowsOf<ClosedCase>(await tx.query(
      `SELECT id, person_id AS "personId" FROM ${this.s}.detentions
        WHERE status = 'released' AND erased_on IS NULL AND expected_release_date < $1 AND id::text > $2
        ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [closedBefore, afterId, limit],
    ));
  }

  /**
   * Identity and écrou go; the establishment, départements and dates stay: they name no one and
   * are what the figures and the audit are about. The person id is a random UUID: a pseudonym.
   */
  async erase(tx: Transaction, cases: ClosedCase[], today: string): Promise<ClosedCase[]> {
    if (cases.length === 0) return [];
    const erased = rowsOf<ClosedCase>(await tx.query(
      `UPDATE ${this.s}.detentions SET last_name = NULL, first_names = NULL, birth_date = NULL, ecrou = NULL, erased_on = $2
        WHERE id = ANY($1::uuid[]) AND erased_on IS NULL RETURNING id, person_id AS "personId"`,
      [cases.map(({ id }) => id), today],
    ));
    await pseudonymiseOutbox(tx, this.schema, erased.map(({ personId }) => personId), NAMING_EVENT_FIELDS);
    return erased;
  }

  async rowsOf(tx: Transaction, personId: string): Promise<Record<string, unknown[]>> {
    const detentions = rowsOf<{ id: string }>(await tx.query(`SELECT * FROM ${this.s}.detentions WHERE person_id = $1 ORDER BY incarceration_date, id`, [personId]));
    const changes = rowsOf(await tx.query(
      `SELECT * FROM ${this.s}.release_date_changes WHERE detention_id = ANY($1::uuid[]) ORDER BY id`, [detentions.map(({ id }) => id)],
    ));
    return { detentions, release_date_changes: changes, ...(await platformRowsOf(tx, this.schema, personId)) };
  }
}
