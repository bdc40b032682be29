import { Inject, Injectable } from '@nestjs/common';
import { rowsOf, schemaIdentifier } from '@passerelle/messaging';
import { ClosedCase, platformRowsOf, SERVICE_SCHEMA, Transaction } from '@passerelle/service-kit';
import { PersonalDataRepository } from '../../application/ports/personal-data.repository';

/**
 * The file as it stays once erased: its shape (the request is still read by the SIAO's history),
 * with every element emptied; only the household composition and gender remain, as categories.
 */
const ERASED_FILE = `jsonb_build_object(
  'household', jsonb_build_object('composition', file -> 'household' -> 'composition', 'applicantGender', file -> 'household' -> 'applicantGender', 'childrenAges', '[]'::jsonb),
  'needs', '{"reducedMobility": false, "animals": false}'::jsonb, 'resources', '[]'::jsonb, 'rightsToReopen', '[]'::jsonb,
  'preferredTerritories', '[]'::jsonb, 'careContinuity', false,
  'consent', jsonb_build_object('givenOn', file -> 'consent' -> 'givenOn', 'recipients', '[]'::jsonb))`;

@Injectable()
export class PersonalDataSqlRepository implements PersonalDataRepository {
  private readonly s: string;

  constructor(@Inject(SERVICE_SCHEMA) private readonly schema: string) {
    this.s = schemaIdentifier(schema);
  }

  /**
   * Every day the request knows (release, receipt, session, decision, date to reconsider, booked
   * or actual entry) before the day, whatever its status: housing-placement never hears that
   * referral closed the case, so a person released with nothing (sortie sèche) leaves the request
   * awaiting review, scheduled or deferred for good; two years after all its dates nothing is
   * pending on it any more.
   */
  async closedBefore(tx: Transaction, closedBefore: string, afterId: string, limit: number): Promise<ClosedCase[]> {
    return rowsOf<ClosedCase>(await tx.query(
      `SELECT r.id, r.person_id AS "personId" FROM ${this.s}.housing_requests r
        WHERE r.erased_on IS NULL AND r.id::text > $2 AND r.expected_release_date < $1 AND r.received_on < $1
          AND coalesce((r.session ->> 'date')::date < $1, true)
          AND coalesce((r.orientation ->> 'decidedOn')::date < $1, true)
          AND coalesce((r.deferral ->> 'reconsiderOn')::date < $1, true)
          AND NOT EXISTS (SELECT 1 FROM ${this.s}.placements p
                           WHERE p.request_id = r.id AND (p.entry_date >= $1 OR p.entered_on >= $1))
        ORDER BY r.id LIMIT $3 FOR UPDATE OF r SKIP LOCKED`,
      [closedBefore, afterId, limit],
    ));
  }

  /**
   * The file is emptied and the préconisation (free text) taken out of the orientation; statuses,
   * dates, décisions' reasons and placements stay: they name no one and are what the audit is
   * about. The person id is a random UUID: a pseudonym. housing-placement's events carry no file.
   */
  async erase(tx: Transaction, cases: ClosedCase[], today: string): Promise<ClosedCase[]> {
    if (cases.length === 0) return [];
    return rowsOf<ClosedCase>(await tx.query(
      `UPDATE ${this.s}.housing_requests SET file = ${ERASED_FILE}, orientation = orientation - 'preconisation', erased_on = $2
        WHERE id = ANY($1::uuid[]) AND erased_on IS NULL RETURNING id, person_id AS "personId"`,
      [cases.map(({ id }) => id), today],
    ));
  }

  async rowsOf(tx: Transaction, personId: string): Promise<Record<string, unknown[]>> {
    const query = async (sql: string, params: unknown[]) => rowsOf<{ id: string }>(await tx.query(sql, params));
    const requests = await query(`SELECT * FROM ${this.s}.housing_requests WHERE person_id = $1 ORDER BY received_on, id`, [personId]);
    const ids = requests.map(({ id }) => id);
    return {
      housing_requests: requests,
      placements: await query(`SELECT * FROM ${this.s}.placements WHERE request_id = ANY($1::uuid[]) ORDER BY created_at, id`, [ids]),
      agenda_items: await query(`SELECT * FROM ${this.s}.agenda_items WHERE request_id = ANY($1::uuid[]) ORDER BY position`, [ids]),
      ...(await platformRowsOf(tx, this.schema, personId)),
    };
  }
}
