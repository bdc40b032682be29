import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@passerelle/service-kit';

/**
 * A detention released long enough ago is erased: its identity and écrou become null and the day
 * is kept, so the retention sweep never looks at it again. The released index finds the due ones.
 */
export class PersonalDataRetention1765000000000 implements MigrationInterface {
  name = 'PersonalDataRetention1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await queryRunner.query(`ALTER TABLE ${s}.detentions
      ALTER COLUMN last_name DROP NOT NULL, ALTER COLUMN first_names DROP NOT NULL,
      ALTER COLUMN birth_date DROP NOT NULL, ALTER COLUMN ecrou DROP NOT NULL,
      ADD COLUMN erased_on date`);
    await queryRunner.query(`CREATE INDEX detentions_retention_idx ON ${s}.detentions (expected_release_date, id)
      WHERE status = 'released' AND erased_on IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await queryRunner.query(`DROP INDEX ${s}.detentions_retention_idx`);
    await queryRunner.query(`ALTER TABLE ${s}.detentions DROP COLUMN erased_on`);
  }
}
