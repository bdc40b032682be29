import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@passerelle/service-kit';

/** The day a finished request's file was emptied, so the retention sweep never looks at it again. */
export class PersonalDataRetention1765000000000 implements MigrationInterface {
  name = 'PersonalDataRetention1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await queryRunner.query(`ALTER TABLE ${s}.housing_requests ADD COLUMN erased_on date`);
    await queryRunner.query(`CREATE INDEX housing_requests_retention_idx ON ${s}.housing_requests (expected_release_date, id)
      WHERE status IN ('housed', 'no_show', 'lapsed', 'withdrawn', 'refused') AND erased_on IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await queryRunner.query(`DROP INDEX ${s}.housing_requests_retention_idx`);
    await queryRunner.query(`ALTER TABLE ${s}.housing_requests DROP COLUMN erased_on`);
  }
}
