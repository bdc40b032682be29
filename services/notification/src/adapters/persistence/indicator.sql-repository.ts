import { Inject, Injectable } from '@nestjs/common';
import { appendRows, queryPrepared, rowsOf, schemaIdentifier } from '@passerelle/messaging';
import { SERVICE_SCHEMA, Transaction } from '@passerelle/service-kit';
import { ChangedDay, DayFigures, IndicatorRepository } from '../../application/ports/indicator.repository';
import { IndicatorEffect } from '../../domain/indicators/indicator-effects';
import { figuresQuery } from './indicator-figures.query';
import { intervalRows } from '../../domain/indicators/interval-changes';

@Injectable()
export class IndicatorSqlRepository implements IndicatorRepository {
  private readonly s: string;
  private readonly figuresSql: string;

  constructor(@Inject(SERVICE_SCHEMA) schema: string) {
    this.s = schemaIdentifier(schema);
    this.figuresSql = figuresQuery(this.s);
  }

  /**
   * A batch's effects in one statement at most, whatever their number: flows and places are held to
   * the commit (only added, read by other transactions); windows, alerts and milestones, which end or
   * complete rows written before, go as one statement of data-modifying CTEs.
   */
  async applyAll(tx: Transaction, effects: IndicatorEffect[]): Promise<void> {
    const s = this.s;
    const flows = effects.filter((effect) => effect.kind === 'flow');
    const places = effects.filter((effect) => effect.kind === 'places');
    await appendRows(tx, { into: `${s}.indicator_flows (departement, day, flow)`, columns: 3, rows: flows.map((e) => [e.departement, e.day, e.flow]) });
    await appendRows(tx, {
      into: `${s}.indicator_places (structure_id, departement, as_of, reserved, occupied, free_justice)`, columns: 6,
      rows: places.map((e) => [e.structureId, e.departement, e.day, e.reserved, e.occupied, e.freeJustice]),
    });
    const windows = intervalRows(effects.filter((effect) => effect.kind === 'window')
      .map((e) => ({ key: e.detentionId, day: e.day, opens: e.open, fact: e })));
    const alerts = intervalRows(effects.filter((effect) => effect.kind === 'alert')
      .map((e) => ({ key: `${e.referralId}/${e.alertKind}`, day: e.day, opens: e.level !== undefined, fact: e })));
    const milestones = milestoneRows(effects.filter((effect) => effect.kind === 'milestone'));
    if (windows.closes.length + alerts.closes.length + milestones.length === 0) return;
    await tx.query(
      `WITH window_closes AS (
         UPDATE ${s}.indicator_windows w SET to_day = v.day FROM jsonb_to_recordset($1::jsonb) AS v(detention_id uuid, day date)
         WHERE w.detention_id = v.detention_id AND w.to_day IS NULL),
       window_opens AS (
         INSERT INTO ${s}.indicator_windows (detention_id, departement, from_day, to_day)
         SELECT detention_id, departement, from_day, to_day FROM jsonb_to_recordset($2::jsonb) AS v(detention_id uuid, departement text, from_day date, to_day date)),
       alert_closes AS (
         UPDATE ${s}.indicator_alerts a SET to_day = v.day FROM jsonb_to_recordset($3::jsonb) AS v(referral_id uuid, kind text, day date)
         WHERE a.referral_id = v.referral_id AND a.kind = v.kind AND a.to_day IS NULL),
       alert_opens AS (
         INSERT INTO ${s}.indicator_alerts (referral_id, kind, departement, level, from_day, to_day)
         SELECT referral_id, kind, departement, level, from_day, to_day
         FROM jsonb_to_recordset($4::jsonb) AS v(referral_id uuid, kind text, departement text, level text, from_day date, to_day date)),
       milestones AS (
         INSERT INTO ${s}.indicator_milestones AS m (referral_id, departement, opened_on, submitted_on, oriented_on)
         SELECT referral_id, departement, opened_on, submitted_on, oriented_on
         FROM jsonb_to_recordset($5::jsonb) AS v(referral_id uuid, departement text, opened_on date, submitted_on date, oriented_on date)
         ON CONFLICT (referral_id) DO UPDATE SET opened_on = COALESCE(m.opened_on, EXCLUDED.opened_on),
           submitted_on = COALESCE(m.submitted_on, EXCLUDED.submitted_on), oriented_on = COALESCE(m.oriented_on, EXCLUDED.oriented_on))
       SELECT 1`,
      [
        JSON.stringify(windows.closes.map(({ fact, day }) => ({ detention_id: fact.detentionId, day }))),
        JSON.stringify(windows.opens.map(({ fact, from, to }) => ({ detention_id: fact.detentionId, departement: fact.departement, from_day: from, to_day: to }))),
        JSON.stringify(alerts.closes.map(({ fact, day }) => ({ referral_id: fact.referralId, kind: fact.alertKind, day }))),
        JSON.stringify(alerts.opens.map(({ fact, from, to }) => ({
          referral_id: fact.referralId, kind: fact.alertKind, departement: fact.departement, level: fact.level, from_day: from, to_day: to,
        }))),
        JSON.stringify(milestones),
      ],
    );
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
    // The planner guesses 1,000 days for generate_series, prices the per-day lookups past
    // jit_above_cost and compiles them: far more time in JIT than in the work. And it would plan the
    // prepared statement again each time, its plan for any span costing more than the one for the span
    // it is given: planned once for all instead. Both for this transaction only.
    await tx.query('SET LOCAL jit = off; SET LOCAL plan_cache_mode = force_generic_plan');
    const rows = rowsOf<Record<string, string | number | null>>(await queryPrepared(tx, this.figuresSql, [departement, from, to]));
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

type MilestoneEffect = Extract<IndicatorEffect, { kind: 'milestone' }>;

/** One row per request: a milestone keeps its first day, in the batch as against the table. */
function milestoneRows(effects: MilestoneEffect[]): Record<string, string | null>[] {
  const rows = new Map<string, Record<string, string | null>>();
  for (const { referralId, departement, milestone, day } of effects) {
    const row = rows.get(referralId) ?? { referral_id: referralId, departement, opened_on: null, submitted_on: null, oriented_on: null };
    row[milestone] ??= day;
    rows.set(referralId, row);
  }
  return [...rows.values()];
}
