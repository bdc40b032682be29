import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '@passerelle/service-kit';

/** The SIAO requests: one per detention, never two (unique key). */
export class Referrals1764100000000 implements MigrationInterface {
  name = 'Referrals1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`CREATE TABLE "${schema}".referrals (
      id uuid PRIMARY KEY,
      detention_id uuid NOT NULL UNIQUE,
      person_id uuid NOT NULL,
      spip_departement text NOT NULL,
      siao_departement text NOT NULL,
      expected_release_date date NOT NULL,
      urgent boolean NOT NULL,
      status text NOT NULL,
      status_before_hold text,
      placement_confirmed boolean NOT NULL DEFAULT false,
      alert_level text,
      alert_resolved boolean NOT NULL DEFAULT false
    )`);
    await queryRunner.query(`CREATE INDEX referrals_person_idx ON "${schema}".referrals (person_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${migrationSchema(queryRunner)}".referrals`);
  }
}
