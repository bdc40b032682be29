import { QueryRunner } from 'typeorm';
import { auditSchemaV1, dropAuditSchemaV1 } from '@passerelle/auth';
import { dropMessagingSchemaV1, messagingSchemaV1 } from '@passerelle/messaging';

/** The schema a migration runs in: the DataSource's, which DATABASE_SCHEMA may override in tests. */
export function migrationSchema(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error('the DataSource has no schema');
  return schema;
}

export async function runStatements(queryRunner: QueryRunner, statements: string[]): Promise<void> {
  for (const statement of statements) await queryRunner.query(statement);
}

/**
 * Version 1 of the tables every service has (outbox, inbox, audit log), for its first migration.
 * Returns the schema so the migration goes on with its own tables.
 */
export async function createPlatformTablesV1(queryRunner: QueryRunner): Promise<string> {
  const schema = migrationSchema(queryRunner);
  await runStatements(queryRunner, [...messagingSchemaV1(schema), ...auditSchemaV1(schema)]);
  return schema;
}

export async function dropPlatformTablesV1(queryRunner: QueryRunner): Promise<void> {
  const schema = migrationSchema(queryRunner);
  await runStatements(queryRunner, [...dropAuditSchemaV1(schema), ...dropMessagingSchemaV1(schema)]);
}
