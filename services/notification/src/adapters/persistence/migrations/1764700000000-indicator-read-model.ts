import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema, runStatements } from '@passerelle/service-kit';

/**
 * The préfecture's read model: daily counted flows, and the dated intervals any day's stocks are
 * computed from (windows open, alerts open by level, reserved places), plus each request's milestones.
 */
export class IndicatorReadModel1764700000000 implements MigrationInterface {
  name = 'IndicatorReadModel1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    const flows = ['requests_opened', 'requests_submitted', 'requests_oriented', 'placements_confirmed', 'people_entered', 'sorties_seches'];
    await runStatements(queryRunner, [
      ...flows.map((flow) => `ALTER TABLE ${s}.daily_indicators ADD COLUMN ${flow} int NOT NULL DEFAULT 0`),
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
      `CREATE INDEX indicator_places_departement_idx ON ${s}.indicator_places (departement, structure_id, as_of DESC, seq DESC)`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await runStatements(queryRunner, [
      ...['indicator_places', 'indicator_milestones', 'indicator_alerts', 'indicator_windows'].map((table) => `DROP TABLE ${s}.${table}`),
      ...['requests_opened', 'requests_submitted', 'requests_oriented', 'placements_confirmed', 'people_entered', 'sorties_seches']
        .map((flow) => `ALTER TABLE ${s}.daily_indicators DROP COLUMN ${flow}`),
    ]);
  }
}
