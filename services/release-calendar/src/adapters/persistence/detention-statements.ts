import { EntityManager } from 'typeorm';
import { DepartementSettingsEntity } from './departement-settings.entity';
import { DetentionEntity } from './detention.entity';

/** A locked detention's columns, named as the entity's properties, with its destination's settings. */
export type LockedDetentionRow = DetentionEntity & { windowMonths: number | null; milestoneDays: number[] | null };

export interface DetentionStatements {
  /** $1: ids. In id order: two callers locking overlapping sets wait for each other instead of deadlocking. */
  lockWithSettings: string;
  /**
   * $1: one id. Apart from the one for many: PostgreSQL plans `= ANY($1)` again on every execution (its
   * plan for any array costs more than the one for the array it is given), an equality once for all.
   */
  lockOneWithSettings: string;
  /** $1: id, then one value per column of `updateColumns`. */
  update: string;
  updateColumns: (keyof DetentionEntity)[];
}

const built = new WeakMap<object, DetentionStatements>();

/**
 * The SQL of the two statements every moved date sends, written once per schema from the entity's
 * mapping. Why not TypeORM's query builder: building and hydrating them each time was 8 % of
 * release-calendar's CPU per request at 100 changes a second.
 */
export function detentionStatements(manager: EntityManager): DetentionStatements {
  const metadata = manager.connection.getMetadata(DetentionEntity);
  const known = built.get(metadata);
  if (known) return known;
  const settings = manager.connection.getMetadata(DepartementSettingsEntity);
  const column = (property: string) => `"${settings.findColumnWithPropertyName(property)!.databaseName}"`;
  const destination = `"${metadata.findColumnWithPropertyName('destinationDepartement')!.databaseName}"`;
  // Calendar dates as their ISO text, as TypeORM hydrates a `date` column: never a Date at local midnight.
  const selected = metadata.columns.map(({ databaseName, propertyName, type }) =>
    `${type === 'date' ? `to_char(d."${databaseName}", 'YYYY-MM-DD')` : `d."${databaseName}"`} AS "${propertyName}"`);
  const updated = metadata.columns.filter((c) => !c.isPrimary);
  const locking = (where: string) => `SELECT ${selected.join(', ')}, s.${column('windowMonths')} AS "windowMonths", s.${column('milestoneDays')} AS "milestoneDays"
      FROM ${metadata.tablePath} d LEFT JOIN ${settings.tablePath} s ON s.${column('departement')} = d.${destination}
      WHERE ${where} ORDER BY d.id FOR UPDATE OF d`;
  const statements: DetentionStatements = {
    lockWithSettings: locking('d.id = ANY($1::uuid[])'),
    lockOneWithSettings: locking('d.id = $1::uuid'),
    update: `UPDATE ${metadata.tablePath} SET ${updated.map((c, index) => `"${c.databaseName}" = $${index + 2}`).join(', ')} WHERE id = $1`,
    updateColumns: updated.map((c) => c.propertyName as keyof DetentionEntity),
  };
  built.set(metadata, statements);
  return statements;
}
