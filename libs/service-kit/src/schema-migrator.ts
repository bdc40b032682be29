import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { schemaIdentifier } from '@passerelle/messaging';
import { SERVICE_SCHEMA } from './tokens';

/**
 * Runs the service's TypeORM migrations at start (never `synchronize`). An advisory lock
 * makes a second instance starting at the same moment wait instead of racing the first.
 */
@Injectable()
export class SchemaMigrator implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_SCHEMA) private readonly schema: string,
  ) {}

  async onModuleInit(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`migrations:${this.schema}`]);
      await runner.query(`CREATE SCHEMA IF NOT EXISTS ${schemaIdentifier(this.schema)}`);
      await this.dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`migrations:${this.schema}`]).catch(() => undefined);
      await runner.release();
    }
  }
}
