import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema, runStatements } from '@passerelle/service-kit';

/**
 * The 12-week outlook's facts: where each detention's release stands, what each placement's latest
 * event says of it, the reserved places free on each structure's figures (`free_justice`, kept
 * beside the ones the daily indicators read), the départements whose outlook may have changed, and
 * the last outlook published for each (so only a change is published again).
 */
export class ReleaseOutlook1765100000000 implements MigrationInterface {
  name = 'ReleaseOutlook1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await runStatements(queryRunner, [
      // Null in figures recorded before: the outlook then counts reserved less occupied.
      `ALTER TABLE ${s}.indicator_places ADD COLUMN free_justice int`,
      `CREATE TABLE ${s}.outlook_releases (
        detention_id uuid PRIMARY KEY, person_id uuid NOT NULL, departement text NOT NULL, expected_on date NOT NULL, released_on date
      )`,
      `CREATE INDEX outlook_releases_expected_idx ON ${s}.outlook_releases (departement, expected_on) WHERE released_on IS NULL`,
      `CREATE INDEX outlook_releases_person_idx ON ${s}.outlook_releases (person_id)`,
      `CREATE TABLE ${s}.outlook_placements (
        placement_id uuid PRIMARY KEY, person_id uuid NOT NULL, structure_id uuid NOT NULL, standing text NOT NULL, entry_date date
      )`,
      `CREATE INDEX outlook_placements_person_idx ON ${s}.outlook_placements (person_id)`,
      `CREATE INDEX outlook_placements_structure_idx ON ${s}.outlook_placements (structure_id, entry_date) WHERE standing <> 'ended'`,
      `CREATE TABLE ${s}.outlook_changes (seq bigserial PRIMARY KEY, departement text NOT NULL)`,
      `CREATE TABLE ${s}.outlook_published (departement text PRIMARY KEY, as_of date, weeks jsonb)`,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${migrationSchema(queryRunner)}"`;
    await runStatements(queryRunner, [
      ...['outlook_published', 'outlook_changes', 'outlook_placements', 'outlook_releases'].map((table) => `DROP TABLE ${s}.${table}`),
      `ALTER TABLE ${s}.indicator_places DROP COLUMN free_justice`,
    ]);
  }
}
