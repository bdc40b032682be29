import { MigrationInterface, QueryRunner } from 'typeorm';
import { createPlatformTablesV1, dropPlatformTablesV1, migrationSchema } from '@passerelle/service-kit';

export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = await createPlatformTablesV1(queryRunner);
    await queryRunner.query(`CREATE TABLE "${schema}".detentions (
      id uuid PRIMARY KEY,
      person_id uuid NOT NULL,
      last_name text NOT NULL,
      first_names text NOT NULL,
      birth_date date NOT NULL,
      ecrou text NOT NULL,
      establishment_code text NOT NULL,
      establishment_name text NOT NULL,
      spip_departement text NOT NULL,
      destination_departement text NOT NULL,
      incarceration_date date NOT NULL,
      expected_release_date date NOT NULL,
      expected_release_kind text NOT NULL,
      status text NOT NULL
    )`);
    await queryRunner.query(`CREATE UNIQUE INDEX detentions_ecrou_uq ON "${schema}".detentions (establishment_code, ecrou)`);
    await queryRunner.query(`CREATE INDEX detentions_person_idx ON "${schema}".detentions (person_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}".detentions`);
    await dropPlatformTablesV1(queryRunner);
  }
}
