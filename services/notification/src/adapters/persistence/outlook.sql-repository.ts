import { Inject, Injectable } from '@nestjs/common';
import { queryPrepared, rowsOf, schemaIdentifier } from '@passerelle/messaging';
import { SERVICE_SCHEMA, Transaction } from '@passerelle/service-kit';
import { OutlookFacts, OutlookRepository, OutlookSpan } from '../../application/ports/outlook.repository';
import { OutlookEffect } from '../../domain/outlook/outlook-effects';
import { ExpectedRelease, HOLDS_PLACE, OutlookWeekFigures, ReservedPlaces } from '../../domain/outlook/release-outlook';

const departementsOf = (rows: unknown) => rowsOf<{ departement: string }>(rows).map(({ departement }) => departement);

@Injectable()
export class OutlookSqlRepository implements OutlookRepository {
  private readonly s: string;

  constructor(@Inject(SERVICE_SCHEMA) schema: string) {
    this.s = schemaIdentifier(schema);
  }

  async apply(tx: Transaction, effect: OutlookEffect): Promise<void> {
    const s = this.s;
    switch (effect.kind) {
      case 'release':
        // Every date event carries the release as it is now; a release, once recorded, stays.
        await queryPrepared(tx, 
          `WITH previous AS (SELECT departement FROM ${s}.outlook_releases WHERE detention_id = $1),
           saved AS (
             INSERT INTO ${s}.outlook_releases (detention_id, person_id, departement, expected_on, released_on) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (detention_id) DO UPDATE SET departement = EXCLUDED.departement, expected_on = EXCLUDED.expected_on,
               released_on = COALESCE(${s}.outlook_releases.released_on, EXCLUDED.released_on)
             RETURNING departement)
           ${this.noting('SELECT departement FROM previous UNION SELECT departement FROM saved')}`,
          [effect.detentionId, effect.personId, effect.departement, effect.expectedOn, effect.releasedOn ?? null],
        );
        return;
      case 'placement':
        if (effect.standing === 'ended') {
          // A proposal that was never booked has no row, and needs none.
          await tx.query(`UPDATE ${s}.outlook_placements SET standing = 'ended' WHERE placement_id = $1`, [effect.placementId]);
        } else {
          await tx.query(
            `INSERT INTO ${s}.outlook_placements (placement_id, person_id, structure_id, standing, entry_date) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (placement_id) DO UPDATE SET standing = EXCLUDED.standing, entry_date = COALESCE(EXCLUDED.entry_date, ${s}.outlook_placements.entry_date)`,
            [effect.placementId, effect.personId, effect.structureId, effect.standing, effect.entryDate ?? null],
          );
        }
        // The structure's places, and the person's releases wherever they are bound.
        await tx.query(
          this.noting(`SELECT $2::text AS departement UNION SELECT departement FROM ${s}.outlook_releases WHERE person_id = $1 AND released_on IS NULL`),
          [effect.personId, effect.siaoDepartement],
        );
        return;
      case 'places':
        await tx.query(this.noting('SELECT $1::text AS departement'), [effect.departement]);
    }
  }

  /** Appends the départements `select` gives to the changes, in the statement that finds them. */
  private noting(select: string): string {
    return `INSERT INTO ${this.s}.outlook_changes (departement) SELECT DISTINCT departement FROM (${select}) AS changed`;
  }

  async takeChanges(tx: Transaction, limit: number): Promise<string[]> {
    const s = this.s;
    return departementsOf(await tx.query(
      `WITH oldest AS (
         SELECT departement, min(seq) AS first FROM ${s}.outlook_changes GROUP BY departement ORDER BY first LIMIT $1),
       taken AS (
         DELETE FROM ${s}.outlook_changes WHERE seq = ANY(ARRAY(
           SELECT c.seq FROM ${s}.outlook_changes c JOIN oldest o ON o.departement = c.departement FOR UPDATE OF c SKIP LOCKED))
         RETURNING departement)
       SELECT DISTINCT departement FROM taken ORDER BY departement`,
      [limit],
    ));
  }

  async computedForAnotherDay(tx: Transaction, today: string, limit: number): Promise<string[]> {
    return departementsOf(await tx.query(
      `SELECT departement FROM ${this.s}.outlook_published WHERE as_of IS DISTINCT FROM $1::date ORDER BY departement LIMIT $2`, [today, limit],
    ));
  }

  async facts(tx: Transaction, departement: string, { today, from, to }: OutlookSpan): Promise<OutlookFacts> {
    const s = this.s;
    const releases = rowsOf<ExpectedRelease>(await tx.query(
      `SELECT to_char(r.expected_on, 'YYYY-MM-DD') AS "expectedOn",
         COALESCE((SELECT array_agg(p.standing) FROM ${s}.outlook_placements p WHERE p.person_id = r.person_id), '{}') AS placements
       FROM ${s}.outlook_releases r
       WHERE r.departement = $1 AND r.released_on IS NULL AND r.expected_on BETWEEN $2 AND $3`,
      [departement, from, to],
    ));
    const structures = rowsOf<ReservedPlaces & { freeJustice: number | null }>(await tx.query(
      `SELECT to_char(latest.as_of, 'YYYY-MM-DD') AS "asOf", latest.reserved, latest.occupied, latest.free_justice AS "freeJustice",
         COALESCE((SELECT array_agg(to_char(p.entry_date, 'YYYY-MM-DD')) FROM ${s}.outlook_placements p
                    WHERE p.structure_id = latest.structure_id AND p.standing = ANY($4::text[]) AND p.entry_date <= $3), '{}') AS "bookedFrom"
       FROM (SELECT DISTINCT ON (pl.structure_id) pl.structure_id, pl.as_of, pl.reserved, pl.occupied, pl.free_justice FROM ${s}.indicator_places pl
             WHERE pl.departement = $1 AND pl.as_of <= $2 ORDER BY pl.structure_id, pl.as_of DESC, pl.seq DESC) latest`,
      [departement, today, to, HOLDS_PLACE],
    ));
    return {
      releases,
      structures: structures.map(({ freeJustice, ...structure }) => ({ ...structure, ...(freeJustice === null ? {} : { freeJustice }) })),
    };
  }

  async lockLastComputed(tx: Transaction, departement: string): Promise<OutlookWeekFigures[] | undefined> {
    const s = this.s;
    await tx.query(`INSERT INTO ${s}.outlook_published (departement) VALUES ($1) ON CONFLICT DO NOTHING`, [departement]);
    const [row] = rowsOf<{ weeks: OutlookWeekFigures[] | null }>(await tx.query(
      `SELECT weeks FROM ${s}.outlook_published WHERE departement = $1 FOR UPDATE`, [departement],
    ));
    return row.weeks ?? undefined;
  }

  async saveComputed(tx: Transaction, departement: string, asOf: string, weeks: OutlookWeekFigures[]): Promise<void> {
    await tx.query(`UPDATE ${this.s}.outlook_published SET as_of = $2, weeks = $3::jsonb WHERE departement = $1`, [departement, asOf, JSON.stringify(weeks)]);
  }
}
