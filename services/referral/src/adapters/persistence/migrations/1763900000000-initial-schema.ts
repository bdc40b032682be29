import { MigrationInterface, QueryRunner } from 'typeorm';
import { createPlatformTablesV1, dropPlatformTablesV1, migrationSchema } from '@passerelle/service-kit';

export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = await createPlatformTablesV1(queryRunner);
    await queryRunner.query(`CREATE TABLE "${schema}".tracked_detentions (
      detention_id uuid PRIMARY KEY,
      person_id uuid NOT NULL,
      spip_departement text NOT NULL,
      destination_departement text NOT NULL,
      expected_release_date date NOT NULL,
      registered_at timestamptz NOT NULL
    )`);
    await queryRunner.query(`CREATE INDEX tracked_detentions_person_idx ON "${schema}".tracked_detentions (person_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}".tracked_detentions`);
    await dropPlatformTablesV1(queryRunner);
  }
}
