import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema, runStatements } from '@passerelle/service-kit';

/**
 * The préfecture's read model: counted flows (the detentions registered so far move over from
 * daily_indicators), the dated intervals any day's stocks are computed from (windows open, alerts
 * open by level, reserved places), and each request's milestones.
 */
export class IndicatorReadModel1764700000000 implements MigrationInterface {
  name = 'IndicatorReadModel1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await runStatements(queryRunner, [
      // One row per counted event rather than a counter per day: concurrent consumers never queue on one hot row.
      `CREATE TABLE ${s}.indicator_flows (seq bigserial PRIMARY KEY, departement text NOT NULL, day date NOT NULL, flow text NOT NULL)`,
      `CREATE INDEX indicator_flows_day_idx ON ${s}.indicator_flows (departement, day)`,
      `INSERT INTO ${s}.indicator_flows (departement, day, flow)
         SELECT departement, day, 'detentions_registered' FROM ${s}.daily_indicators, generate_series(1, detentions_registered)`,
      `DROP TABLE ${s}.daily_indicators`,
      `CREATE TABLE ${s}.indicator_windows (
        seq bigserial PRIMARY KEY, detention_id uuid NOT NULL, departement text NOT NULL, from_day date NOT NULL, to_day date
      )`,
      `CREATE INDEX indicator_windows_open_idx ON ${s}.indicator_windows (detention_id) WHERE to_day IS NULL`,
      `CREATE INDEX indicator_windows_departement_idx ON ${s}.indicator_windows (departement, from_day)`,
      `CREATE TABLE ${s}.indicator_alerts (
        seq bigserial PRIMARY KEY, referral_id uuid NOT NULL, kind text NOT NULL, departement text NOT NULL, level text NOT NULL,
        from_day date NOT NULL, to_day date
      )`,
      `CREATE INDEX indicator_alerts_open_idx ON ${s}.indicator_alerts (referral_id, kind) WHERE to_day IS NULL`,
      `CREATE INDEX indicator_alerts_departement_idx ON ${s}.indicator_alerts (departement, from_day)`,
      `CREATE TABLE ${s}.indicator_milestones (
        referral_id uuid PRIMARY KEY, departement text NOT NULL, opened_on date, submitted_on date, oriented_on date
      )`,
      `CREATE INDEX indicator_milestones_submitted_idx ON ${s}.indicator_milestones (departement, submitted_on)`,
      `CREATE INDEX indicator_milestones_oriented_idx ON ${s}.indicator_milestones (departement, oriented_on)`,
      `CREATE TABLE ${s}.indicator_places (
        seq bigserial PRIMARY KEY, structure_id uuid NOT NULL, departement text NOT NULL, as_of date NOT NULL, reserved int NOT NULL, occupied int NOT NULL
      )`,
      `CREATE TABLE ${s}.indicator_changes (seq bigserial PRIMARY KEY, departement text NOT NULL, day date NOT NULL)`,
      `CREATE INDEX indicator_places_departement_idx ON ${s}.indicator_places (departement, structure_id, as_of DESC, seq DESC)`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await runStatements(queryRunner, [
      `CREATE TABLE ${s}.daily_indicators (departement text NOT NULL, day date NOT NULL, detentions_registered int NOT NULL DEFAULT 0, PRIMARY KEY (departement, day))`,
      `INSERT INTO ${s}.daily_indicators (departement, day, detentions_registered)
         SELECT departement, day, count(*) FROM ${s}.indicator_flows WHERE flow = 'detentions_registered' GROUP BY departement, day`,
      ...['indicator_changes', 'indicator_flows', 'indicator_places', 'indicator_milestones', 'indicator_alerts', 'indicator_windows'].map((table) => `DROP TABLE ${s}.${table}`),
    ]);
  }
}
