import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@passerelle/service-kit';

/** What each detention's calendar has announced, the sweep's index, and per-département settings. */
export class ReleaseSchedule1763990000000 implements MigrationInterface {
  name = 'ReleaseSchedule1763990000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}".detentions
      ADD COLUMN window_open boolean NOT NULL DEFAULT false,
      ADD COLUMN milestones_reached integer[] NOT NULL DEFAULT '{}',
      ADD COLUMN lsc_review_announced boolean NOT NULL DEFAULT false,
      ADD COLUMN next_due_on date`);
    await queryRunner.query(`CREATE INDEX detentions_due_idx ON "${schema}".detentions (next_due_on) WHERE status = 'incarcerated'`);
    await queryRunner.query(`CREATE TABLE "${schema}".departement_settings (
      departement text PRIMARY KEY,
      window_months integer NOT NULL,
      milestone_days integer[] NOT NULL
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}".departement_settings`);
    await queryRunner.query(`DROP INDEX "${schema}".detentions_due_idx`);
    await queryRunner.query(`ALTER TABLE "${schema}".detentions
      DROP COLUMN next_due_on, DROP COLUMN lsc_review_announced, DROP COLUMN milestones_reached, DROP COLUMN window_open`);
  }
}
