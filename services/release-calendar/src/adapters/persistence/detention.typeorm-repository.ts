import { Injectable } from '@nestjs/common';
import { EntityManager, LessThanOrEqual, QueryFailedError } from 'typeorm';
import { appendRows, queryPrepared, rowsOf, writeWithHeldAppends } from '@passerelle/messaging';
import { Transaction } from '@passerelle/service-kit';
import { DEFAULT_DEPARTEMENT_SETTINGS, DepartementSettings, departementSettings } from '../../domain/departement-settings';
import { Detention } from '../../domain/detention';
import { DetentionQuery, DetentionRepository, DuplicateEcrouError, ReleaseDateChangeRecord } from '../../application/ports/detention.repository';
import { ReleaseDateChangeEntity } from './release-date-change.entity';
import { DetentionEntity } from './detention.entity';
import { detentionStatements, LockedDetentionRow } from './detention-statements';
import { toDomain, toEntity } from './detention.mapper';

const UNIQUE_VIOLATION = '23505';
const ECROU_CONSTRAINT = 'detentions_ecrou_uq';

@Injectable()
export class DetentionTypeormRepository implements DetentionRepository {
  async insert(tx: Transaction, detention: Detention, nextDueOn: string | undefined): Promise<void> {
    const entity = toEntity(detention, nextDueOn);
    await uniqueEcrou(entity, () => (tx as EntityManager).insert(DetentionEntity, entity));
  }

  async insertMany(tx: Transaction, items: { detention: Detention; nextDueOn: string | undefined }[]): Promise<void> {
    if (items.length === 0) return;
    const entities = items.map(({ detention, nextDueOn }) => toEntity(detention, nextDueOn));
    await uniqueEcrou(entities[0], () => (tx as EntityManager).insert(DetentionEntity, entities));
  }

  async updateCalendars(tx: Transaction, items: { detention: Detention; nextDueOn: string | undefined }[]): Promise<void> {
    if (items.length === 0) return;
    const rows = items.map(({ detention, nextDueOn }) => {
      const { id, progress } = detention.snapshot();
      return {
        id, window_open: progress.windowOpen, milestones_reached: progress.milestonesReached,
        lsc_review_announced: progress.lscReviewAnnounced, next_due_on: nextDueOn ?? null,
      };
    });
    const { text, values } = updateManyStatement(tx, CALENDAR_COLUMNS, rows);
    await (tx as EntityManager).query(text, values);
  }

  async findById(tx: Transaction, id: string): Promise<Detention | undefined> {
    const entity = await (tx as EntityManager).findOneBy(DetentionEntity, { id });
    return entity ? toDomain(entity) : undefined;
  }

  async lockWithSettings(tx: Transaction, id: string): Promise<{ detention: Detention; settings: DepartementSettings } | undefined> {
    return (await this.locked(tx, detentionStatements(tx as EntityManager).lockOneWithSettings, id)).get(id);
  }

  async lockManyWithSettings(tx: Transaction, ids: string[]): Promise<Map<string, { detention: Detention; settings: DepartementSettings }>> {
    if (ids.length === 0) return new Map();
    return this.locked(tx, detentionStatements(tx as EntityManager).lockWithSettings, ids);
  }

  private async locked(tx: Transaction, statement: string, ids: string | string[]): Promise<Map<string, { detention: Detention; settings: DepartementSettings }>> {
    const rows = rowsOf<LockedDetentionRow>(await queryPrepared(tx, statement, [ids]));
    return new Map(rows.map((row) => [row.id, { detention: toDomain(row), settings: settingsOf(row.windowMonths, row.milestoneDays) }]));
  }

  async updateReleases(tx: Transaction, items: { detention: Detention; nextDueOn: string | undefined }[]): Promise<void> {
    if (items.length === 0) return;
    const rows = items.map(({ detention, nextDueOn }) => {
      const { id, status, expectedReleaseDate, expectedReleaseKind } = detention.snapshot();
      return { id, status, expected_release_date: expectedReleaseDate, expected_release_kind: expectedReleaseKind, next_due_on: nextDueOn ?? null };
    });
    await writeWithHeldAppends(tx, updateManyStatement(tx, RELEASE_COLUMNS, rows));
  }

  /**
   * The history rows and whatever the transaction holds so far (its events, its audit row) ride on
   * the detention's UPDATE: one round trip for a moved date.
   */
  async update(tx: Transaction, detention: Detention, nextDueOn: string | undefined, dateChanges: ReleaseDateChangeRecord[] = []): Promise<void> {
    const manager = tx as EntityManager;
    const entity = toEntity(detention, nextDueOn);
    const { update, updateColumns } = detentionStatements(manager);
    await appendRows(tx, {
      into: `${manager.connection.getMetadata(ReleaseDateChangeEntity).tablePath} (detention_id, previous_date, new_date, reason, source, changed_at)`,
      columns: 6,
      rows: dateChanges.map((c) => [c.detentionId, c.previousDate, c.newDate, c.reason, c.source, c.changedAt]),
    });
    const values = [entity.id, ...updateColumns.map((property) => entity[property])];
    await uniqueEcrou(entity, () => writeWithHeldAppends(tx, { text: update, values }));
  }

  async lockByEcrou(tx: Transaction, keys: { establishmentCode: string; ecrou: string }[]): Promise<Map<string, Detention>> {
    if (keys.length === 0) return new Map();
    const entities = await (tx as EntityManager).find(DetentionEntity, {
      where: keys.map(({ establishmentCode, ecrou }) => ({ establishmentCode, ecrou })),
      lock: { mode: 'pessimistic_write' },
    });
    return new Map(entities.map((entity) => [`${entity.establishmentCode}/${entity.ecrou}`, toDomain(entity)]));
  }

  async list(tx: Transaction, query: DetentionQuery): Promise<{ items: Detention[]; total: number }> {
    const builder = (tx as EntityManager).createQueryBuilder(DetentionEntity, 'd');
    if (query.departements !== 'all') builder.andWhere('d.spipDepartement IN (:...departements)', { departements: query.departements });
    if (query.status) builder.andWhere('d.status = :status', { status: query.status });
    if (query.releaseFrom) builder.andWhere('d.expectedReleaseDate >= :from', { from: query.releaseFrom });
    if (query.releaseTo) builder.andWhere('d.expectedReleaseDate <= :to', { to: query.releaseTo });
    const [entities, total] = await builder
      .orderBy('d.expectedReleaseDate', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: entities.map(toDomain), total };
  }

  async lockDue(tx: Transaction, today: string, limit: number): Promise<Detention[]> {
    const entities = await (tx as EntityManager).find(DetentionEntity, {
      where: { status: 'incarcerated', nextDueOn: LessThanOrEqual(today) },
      order: { nextDueOn: 'ASC' },
      take: limit,
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
    });
    return entities.map(toDomain);
  }
}

/** A département never configured has the defaults. */
function settingsOf(windowMonths: number | null, milestoneDays: number[] | null): DepartementSettings {
  return windowMonths === null || milestoneDays === null ? DEFAULT_DEPARTEMENT_SETTINGS : departementSettings(windowMonths, milestoneDays);
}

/** A transfer or a registration onto an écrou the establishment already uses is a 409, not a 500. */
async function uniqueEcrou(entity: DetentionEntity, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (isViolationOf(error, ECROU_CONSTRAINT)) {
      throw new DuplicateEcrouError(entity.establishmentCode, entity.ecrou);
    }
    throw error;
  }
}

/** pg's error, or TypeORM's QueryFailedError wrapping it: a prepared statement's errors come unwrapped. */
function isViolationOf(error: unknown, constraint: string): boolean {
  const cause = error instanceof QueryFailedError ? error.driverError : error;
  const { code, constraint: violated } = (cause ?? {}) as { code?: string; constraint?: string };
  return code === UNIQUE_VIOLATION && violated === constraint;
}

const CALENDAR_COLUMNS = { window_open: 'boolean', milestones_reached: 'integer[]', lsc_review_announced: 'boolean', next_due_on: 'date' };
const RELEASE_COLUMNS = { status: 'text', expected_release_date: 'date', expected_release_kind: 'text', next_due_on: 'date' };

/** One UPDATE for many detentions: each row holds the id and the `columns` (name: SQL type) to set. */
function updateManyStatement(tx: Transaction, columns: Record<string, string>, rows: object[]): { text: string; values: unknown[] } {
  const table = (tx as EntityManager).connection.getMetadata(DetentionEntity).tablePath;
  const names = Object.keys(columns);
  return {
    text: `UPDATE ${table} AS d SET ${names.map((name) => `${name} = v.${name}`).join(', ')}
           FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, ${names.map((name) => `${name} ${columns[name]}`).join(', ')})
           WHERE d.id = v.id`,
    values: [JSON.stringify(rows)],
  };
}
