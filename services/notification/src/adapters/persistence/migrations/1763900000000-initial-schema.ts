import { MigrationInterface, QueryRunner } from 'typeorm';
import { createPlatformTablesV1, dropPlatformTablesV1, migrationSchema } from '@passerelle/service-kit';

export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = await createPlatformTablesV1(queryRunner);
    await queryRunner.query(`CREATE TABLE "${schema}".daily_indicators (
      departement text NOT NULL,
      day date NOT NULL,
      detentions_registered int NOT NULL DEFAULT 0,
      PRIMARY KEY (departement, day)
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}".daily_indicators`);
    await dropPlatformTablesV1(queryRunner);
  }
}
