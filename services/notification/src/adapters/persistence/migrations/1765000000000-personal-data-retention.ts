import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@passerelle/service-kit';

/** The day a finished delivery's body lost what named the person, so the retention sweep never looks at it again. */
export class PersonalDataRetention1765000000000 implements MigrationInterface {
  name = 'PersonalDataRetention1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await queryRunner.query(`ALTER TABLE ${s}.webhook_deliveries ADD COLUMN erased_on date`);
    await queryRunner.query(`CREATE INDEX webhook_deliveries_retention_idx ON ${s}.webhook_deliveries (id)
      WHERE status <> 'pending' AND erased_on IS NULL`);
    await queryRunner.query(`CREATE INDEX webhook_deliveries_person_idx ON ${s}.webhook_deliveries (ordering_key)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await queryRunner.query(`DROP INDEX ${s}.webhook_deliveries_person_idx`);
    await queryRunner.query(`DROP INDEX ${s}.webhook_deliveries_retention_idx`);
    await queryRunner.query(`ALTER TABLE ${s}.webhook_deliveries DROP COLUMN erased_on`);
  }
}
