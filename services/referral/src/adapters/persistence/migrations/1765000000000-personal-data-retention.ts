import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@passerelle/service-kit';

/** The day a finished request's personal data was erased, so the retention sweep never looks at it again. */
export class PersonalDataRetention1765000000000 implements MigrationInterface {
  name = 'PersonalDataRetention1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await queryRunner.query(`ALTER TABLE ${s}.referrals ADD COLUMN erased_on date`);
    await queryRunner.query(`CREATE INDEX referrals_retention_idx ON ${s}.referrals (id)
      WHERE status IN ('closed', 'withdrawn') AND erased_on IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await queryRunner.query(`DROP INDEX ${s}.referrals_retention_idx`);
    await queryRunner.query(`ALTER TABLE ${s}.referrals DROP COLUMN erased_on`);
  }
}
