import { Inject, Injectable } from '@nestjs/common';
import { appendRows, rowsOf, schemaIdentifier } from '@passerelle/messaging';
import { SERVICE_SCHEMA, Transaction } from '@passerelle/service-kit';
import { ChangedDay, DayFigures, IndicatorRepository } from '../../application/ports/indicator.repository';
import { Flow, IndicatorEffect } from '../../domain/indicators/indicator-effects';

const FLOWS: readonly Flow[] = [
  'detentions_registered', 'requests_opened', 'requests_submitted', 'requests_oriented', 'placements_confirmed', 'people_entered', 'sorties_seches',
];
const MILESTONES = { opened_on: 'opened_on', submitted_on: 'submitted_on', oriented_on: 'oriented_on' } as const;

@Injectable()
export class IndicatorSqlRepository implements IndicatorRepository {
  private readonly s: string;

  constructor(@Inject(SERVICE_SCHEMA) schema: string) {
    this.s = schemaIdentifier(schema);
  }

  async apply(tx: Transaction, effect: IndicatorEffect): Promise<void> {
    const s = this.s;
    switch (effect.kind) {
      // Flows, places and noted changes are only added, and read by other transactions: held to the commit.
      case 'flow':
        await appendRows(tx, { into: `${s}.indicator_flows (departement, day, flow)`, columns: 3, rows: [[effect.departement, effect.day, effect.flow]] });
        return;
      case 'window':
        await tx.query(`UPDATE ${s}.indicator_windows SET to_day = $2 WHERE detention_id = $1 AND to_day IS NULL`, [effect.detentionId, effect.day]);
        if (effect.open) {
          await tx.query(`INSERT INTO ${s}.indicator_windows (detention_id, departement, from_day) VALUES ($1, $2, $3)`, [effect.detentionId, effect.departement, effect.day]);
        }
        return;
      case 'alert':
        await tx.query(`UPDATE ${s}.indicator_alerts SET to_day = $3 WHERE referral_id = $1 AND kind = $2 AND to_day IS NULL`, [effect.referralId, effect.alertKind, effect.day]);
        if (effect.level) {
          await tx.query(
            `INSERT INTO ${s}.indicator_alerts (referral_id, kind, departement, level, from_day) VALUES ($1, $2, $3, $4, $5)`,
            [effect.referralId, effect.alertKind, effect.departement, effect.level, effect.day],
          );
        }
        return;
      case 'milestone': {
        const column = MILESTONES[effect.milestone];
        await tx.query(
          `INSERT INTO ${s}.indicator_milestones (referral_id, departement, ${column}) VALUES ($1, $2, $3)
           ON CONFLICT (referral_id) DO UPDATE SET ${column} = COALESCE(${s}.indicator_milestones.${column}, EXCLUDED.${column})`,
          [effect.referralId, effect.departement, effect.day],
        );
        return;
      }
      case 'places':
        await appendRows(tx, {
          into: `${s}.indicator_places (structure_id, departement, as_of, reserved, occupied, free_justice)`, columns: 6,
          rows: [[effect.structureId, effect.departement, effect.day, effect.reserved, effect.occupied, effect.freeJustice]],
        });
    }
  }

  async noteChanges(tx: Transaction, days: ChangedDay[]): Promise<void> {
    await appendRows(tx, { into: `${this.s}.indicator_changes (departement, day)`, columns: 2, rows: days.map((d) => [d.departement, d.day]) });
  }

  /**
   * A burst notes the same day many times (an import: every registration of a département on one
   * day): the oldest `limit` distinct days are taken with every change noted for them, so a day is
   * computed once per round, not once per event. Rows another round holds are skipped, never
   * waited for (two rounds taking overlapping days would otherwise deadlock): they stay for later.
   */
  async takeChanges(tx: Transaction, limit: number): Promise<ChangedDay[]> {
    const s = this.s;
    const rows = rowsOf<ChangedDay>(await tx.query(
      `WITH oldest AS (
         SELECT departement, day, min(seq) AS first FROM ${s}.indicator_changes GROUP BY departement, day ORDER BY first LIMIT $1),
       taken AS (
         DELETE FROM ${s}.indicator_changes WHERE seq = ANY(ARRAY(
           SELECT c.seq FROM ${s}.indicator_changes c JOIN oldest o ON o.departement = c.departement AND o.day = c.day FOR UPDATE OF c SKIP LOCKED))
         RETURNING departement, day)
       SELECT DISTINCT departement, to_char(day, 'YYYY-MM-DD') AS day FROM taken ORDER BY departement, day`,
      [limit],
    ));
    return rows;
  }

  async figures(tx: Transaction, departement: string, from: string, to: string): Promise<DayFigures[]> {
    const s = this.s;
    // The planner guesses 1,000 days for generate_series, prices the per-day subqueries past
    // jit_above_cost and compiles them: ~2 s of JIT for ~0.1 s of work. Off for this transaction only.
    await tx.query('SET LOCAL jit = off');
    const rows = rowsOf<Record<string, string | number | null>>(await tx.query(
      `WITH days AS (SELECT d::date AS day FROM generate_series($2::date, $3::date, interval '1 day') AS d)
       SELECT to_char(days.day, 'YYYY-MM-DD') AS day,
         COALESCE(f.detentions_registered, 0)::int AS "detentionsRegistered",
         (SELECT count(*) FROM ${s}.indicator_windows w WHERE w.departement = $1 AND w.from_day <= days.day AND (w.to_day IS NULL OR w.to_day > days.day))::int AS "detentionsInWindow",
         COALESCE(f.requests_opened, 0)::int AS "requestsOpened", COALESCE(f.requests_submitted, 0)::int AS "requestsSubmitted",
         COALESCE(f.requests_oriented, 0)::int AS "requestsOriented", COALESCE(f.placements_confirmed, 0)::int AS "placementsConfirmed",
         COALESCE(f.people_entered, 0)::int AS "peopleEntered", COALESCE(f.sorties_seches, 0)::int AS "sortiesSeches",
         COALESCE(a.watch, 0)::int AS "openAlertsWatch", COALESCE(a.warning, 0)::int AS "openAlertsWarning",
         COALESCE(a.critical, 0)::int AS "openAlertsCritical", COALESCE(a.lsc, 0)::int AS "lscAtRisk",
         (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY m.submitted_on - m.opened_on) FROM ${s}.indicator_milestones m
           WHERE m.departement = $1 AND m.submitted_on = days.day AND m.opened_on IS NOT NULL) AS "medianDaysWindowToSubmission",
         (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY m.oriented_on - m.submitted_on) FROM ${s}.indicator_milestones m
           WHERE m.departement = $1 AND m.oriented_on = days.day AND m.submitted_on IS NOT NULL) AS "medianDaysSubmissionToOrientation",
         COALESCE(p.reserved, 0)::int AS "reservedPlaces", COALESCE(p.occupied, 0)::int AS "reservedPlacesOccupied"
       FROM days
       LEFT JOIN LATERAL (
         SELECT ${FLOWS.map((flow) => `count(*) FILTER (WHERE flow = '${flow}') AS ${flow}`).join(', ')}
         FROM ${s}.indicator_flows fl WHERE fl.departement = $1 AND fl.day = days.day) f ON true
       LEFT JOIN LATERAL (
         SELECT count(*) FILTER (WHERE level = 'watch') AS watch, count(*) FILTER (WHERE level = 'warning') AS warning,
                count(*) FILTER (WHERE level = 'critical') AS critical, count(*) FILTER (WHERE kind = 'lsc_at_risk') AS lsc
         FROM ${s}.indicator_alerts al WHERE al.departement = $1 AND al.from_day <= days.day AND (al.to_day IS NULL OR al.to_day > days.day)) a ON true
       LEFT JOIN LATERAL (
         SELECT sum(latest.reserved) AS reserved, sum(latest.occupied) AS occupied FROM (
           SELECT DISTINCT ON (pl.structure_id) pl.reserved, pl.occupied FROM ${s}.indicator_places pl
           WHERE pl.departement = $1 AND pl.as_of <= days.day ORDER BY pl.structure_id, pl.as_of DESC, pl.seq DESC) latest) p ON true
       ORDER BY days.day`,
      [departement, from, to],
    ));
    return rows.map((row) => figuresOf(departement, row));
  }
}

function figuresOf(departement: string, row: Record<string, string | number | null>): DayFigures {
  const figures: Record<string, unknown> = { departement };
  for (const [key, value] of Object.entries(row)) {
    if (value === null) continue;
    figures[key] = key === 'day' ? value : Number(value);
  }
  return figures as unknown as DayFigures;
}
