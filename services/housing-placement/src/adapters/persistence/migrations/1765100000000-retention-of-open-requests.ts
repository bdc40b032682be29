import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@passerelle/service-kit';

/**
 * The retention sweep now also takes requests left open by a release without housing (sortie
 * sèche): its index covers every request not yet erased, not only the finished ones.
 */
export class RetentionOfOpenRequests1765100000000 implements MigrationInterface {
  name = 'RetentionOfOpenRequests1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await queryRunner.query(`DROP INDEX ${s}.housing_requests_retention_idx`);
    await queryRunner.query(`CREATE INDEX housing_requests_retention_idx ON ${s}.housing_requests (expected_release_date, id) WHERE erased_on IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await queryRunner.query(`DROP INDEX ${s}.housing_requests_retention_idx`);
    await queryRunner.query(`CREATE INDEX housing_requests_retention_idx ON ${s}.housing_requests (expected_release_date, id)
      WHERE status IN ('housed', 'no_show', 'lapsed', 'withdrawn', 'refused') AND erased_on IS NULL`);
  }
}
