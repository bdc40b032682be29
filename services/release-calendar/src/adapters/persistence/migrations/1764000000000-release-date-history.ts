import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@passerelle/service-kit';

/** Every move of a release date, with its reason and who reported it; and the end of sentence. */
export class ReleaseDateHistory1764000000000 implements MigrationInterface {
  name = 'ReleaseDateHistory1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`CREATE TABLE "${schema}".release_date_changes (
      id bigserial PRIMARY KEY,
      detention_id uuid NOT NULL REFERENCES "${schema}".detentions (id),
      previous_date date NOT NULL,
      new_date date NOT NULL,
      reason text NOT NULL,
      source text NOT NULL,
      changed_at timestamptz NOT NULL
    )`);
    await queryRunner.query(`ALTER TABLE "${schema}".detentions ADD COLUMN sentence_end_date date`);
    await queryRunner.query(`CREATE INDEX release_date_changes_detention_idx ON "${schema}".release_date_changes (detention_id, changed_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}".detentions DROP COLUMN sentence_end_date`);
    await queryRunner.query(`DROP TABLE "${schema}".release_date_changes`);
  }
}
