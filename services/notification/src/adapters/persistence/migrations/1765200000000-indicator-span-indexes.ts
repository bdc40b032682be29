import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema, runStatements } from '@passerelle/service-kit';

const INTERVALS = ['indicator_windows', 'indicator_alerts'];

/**
 * The figures of a span of days read the intervals that overlap it: the open ones and the ones
 * closed after its first day. Indexed apart, so the intervals closed long ago (a département's
 * history, which only grows) are never read again.
 */
export class IndicatorSpanIndexes1765200000000 implements MigrationInterface {
  name = 'IndicatorSpanIndexes1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await runStatements(queryRunner, INTERVALS.flatMap((table) => [
      `CREATE INDEX ${table}_open_span_idx ON ${s}.${table} (departement, from_day) WHERE to_day IS NULL`,
      `CREATE INDEX ${table}_closed_span_idx ON ${s}.${table} (departement, to_day) WHERE to_day IS NOT NULL`,
      `DROP INDEX ${s}.${table}_departement_idx`,
    ]));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await runStatements(queryRunner, INTERVALS.flatMap((table) => [
      `CREATE INDEX ${table}_departement_idx ON ${s}.${table} (departement, from_day)`,
      `DROP INDEX ${s}.${table}_closed_span_idx`,
      `DROP INDEX ${s}.${table}_open_span_idx`,
    ]));
  }
}
