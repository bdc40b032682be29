import { MigrationInterface, QueryRunner } from 'typeorm';
import { createPlatformTablesV1, dropPlatformTablesV1 } from '@passerelle/service-kit';

export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createPlatformTablesV1(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropPlatformTablesV1(queryRunner);
  }
}
