import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { schemaIdentifier } from '@passerelle/messaging';
import { SERVICE_SCHEMA, Transaction } from '@passerelle/service-kit';
import { HousingRequestRepository, QueueQuery, StructureScope } from '../../application/ports/housing-request.repository';
import { HousingRequest, HousingRequestState } from '../../domain/housing-request';
import { HousingRequestEntity } from './housing.entities';
import { withoutNulls } from './nullable';

const manager = (tx: Transaction) => tx as EntityManager;

@Injectable()
export class HousingRequestTypeormRepository implements HousingRequestRepository {
  private readonly schema: string;

  constructor(@Inject(SERVICE_SCHEMA) schema: string) {
    this.schema = schemaIdentifier(schema);
  }

  async lockById(tx: Transaction, id: string): Promise<HousingRequest | undefined> {
    return toRequest(await manager(tx).findOne(HousingRequestEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }));
  }

  async lockByReferral(tx: Transaction, referralId: string): Promise<HousingRequest | undefined> {
    return toRequest(await manager(tx).findOne(HousingRequestEntity, { where: { referralId }, lock: { mode: 'pessimistic_write' } }));
  }

  async findById(tx: Transaction, id: string): Promise<HousingRequest | undefined> {
    return toRequest(await manager(tx).findOneBy(HousingRequestEntity, { id }));
  }

  async insert(tx: Transaction, request: HousingRequest): Promise<void> {
    await manager(tx).insert(HousingRequestEntity, toEntity(request));
  }

  /**
   * A new submission or a new status (a reopened intake, a commission's decision) brings personal
   * data again: an erased request becomes due for the retention sweep once more.
   */
  async update(tx: Transaction, request: HousingRequest): Promise<void> {
    const { id, ...changes } = toEntity(request);
    await manager(tx).query(
      `UPDATE ${this.schema}.housing_requests SET erased_on = NULL
        WHERE id = $1 AND erased_on IS NOT NULL AND (status <> $2 OR submission <> $3)`,
      [id, changes.status, changes.submission],
    );
    await manager(tx).update(HousingRequestEntity, { id }, changes);
  }

  /** A deferred request comes back once its date to reconsider has come. */
  async queue(tx: Transaction, query: QueueQuery): Promise<{ items: HousingRequest[]; total: number }> {
    const inQueue = manager(tx).createQueryBuilder(HousingRequestEntity, 'r')
      .where('r.siao_departement = :departement', { departement: query.departement })
      // Written out, not bound: the planner must see the partial index's own predicate to use it.
      .andWhere(`r.status IN ('awaiting_review', 'scheduled', 'deferred')`)
      .andWhere(`(r.status <> 'deferred' OR (r.deferral ->> 'reconsiderOn') <= :today)`, { today: query.today });
    // limit/offset rather than skip/take: no join here, so TypeORM's two-query pagination only costs time.
    const [entities, total] = await Promise.all([
      inQueue.clone().orderBy('r.expected_release_date', 'ASC').addOrderBy('r.received_on', 'ASC').addOrderBy('r.id', 'ASC')
        .offset((query.page - 1) * query.pageSize).limit(query.pageSize).getMany(),
      inQueue.getCount(),
    ]);
    return { items: entities.map((entity) => toRequest(entity)!), total };
  }

  async orientedTo(tx: Transaction, scope: StructureScope): Promise<HousingRequest[]> {
    const entities = await manager(tx).createQueryBuilder(HousingRequestEntity, 'r')
      .where('r.siao_departement = :departement', { departement: scope.departement })
      .andWhere(`((r.orientation ->> 'structureId') = :structureId
        OR ((r.orientation ->> 'structureId') IS NULL AND (r.orientation ->> 'structureType') = :structureType))`,
      { structureId: scope.structureId, structureType: scope.structureType })
      .orderBy('r.expected_release_date', 'ASC').addOrderBy('r.id', 'ASC')
      .getMany();
    return entities.map((entity) => toRequest(entity)!);
  }

  async idsLapsingBefore(tx: Transaction, today: string, afterId: string, limit: number): Promise<string[]> {
    const builder = manager(tx).createQueryBuilder(HousingRequestEntity, 'r').select('r.id', 'id')
      .where(`r.status = 'oriented'`)
      .andWhere('r.orientation_valid_until < :today', { today });
    if (afterId) builder.andWhere('r.id > :afterId', { afterId });
    const rows = await builder.orderBy('r.id', 'ASC').limit(limit).getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }
}

function toRequest(entity: HousingRequestEntity | null): HousingRequest | undefined {
  if (!entity) return undefined;
  const { orientationValidUntil: _derived, ...state } = withoutNulls(entity);
  return HousingRequest.restore(state as HousingRequestState);
}

function toEntity(request: HousingRequest): HousingRequestEntity {
  const state = request.snapshot();
  return {
    ...state,
    session: state.session ?? null, orientation: state.orientation ?? null, deferral: state.deferral ?? null,
    refusal: state.refusal ?? null, withdrawalReason: state.withdrawalReason ?? null,
    orientationValidUntil: request.orientationValidUntil() ?? null,
  };
}
