import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Transaction } from '@passerelle/service-kit';
import { PlacementRepository } from '../../application/ports/placement.repository';
import { Placement, PlacementState } from '../../domain/placement';
import { PlacementEntity } from './housing.entities';
import { withoutNulls } from './nullable';

const manager = (tx: Transaction) => tx as EntityManager;

@Injectable()
export class PlacementTypeormRepository implements PlacementRepository {
  async findById(tx: Transaction, id: string): Promise<Placement | undefined> {
    return toPlacement(await manager(tx).findOneBy(PlacementEntity, { id }));
  }

  async lockById(tx: Transaction, id: string): Promise<Placement | undefined> {
    return toPlacement(await manager(tx).findOne(PlacementEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }));
  }

  async lockOfRequest(tx: Transaction, requestId: string): Promise<Placement[]> {
    const entities = await manager(tx).find(PlacementEntity, { where: { requestId }, order: { createdAt: 'ASC', id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    return entities.map((entity) => toPlacement(entity)!);
  }

  async ofRequests(tx: Transaction, requestIds: string[]): Promise<Placement[]> {
    if (requestIds.length === 0) return [];
    const entities = await manager(tx).find(PlacementEntity, { where: { requestId: In(requestIds) } });
    return entities.map((entity) => toPlacement(entity)!);
  }

  async insert(tx: Transaction, placement: Placement): Promise<void> {
    await manager(tx).insert(PlacementEntity, toEntity(placement));
  }

  async update(tx: Transaction, placement: Placement): Promise<void> {
    const { id, ...changes } = toEntity(placement);
    await manager(tx).update(PlacementEntity, { id }, changes);
  }
}

function toPlacement(entity: PlacementEntity | null): Placement | undefined {
  if (!entity) return undefined;
  const { createdAt: _stored, ...state } = withoutNulls(entity);
  return Placement.restore(state as PlacementState);
}

function toEntity(placement: Placement): PlacementEntity {
  const state = placement.snapshot();
  return {
    ...state, entryDate: state.entryDate ?? null, pool: state.pool ?? null, refusalReason: state.refusalReason ?? null,
    cancellationReason: state.cancellationReason ?? null, enteredOn: state.enteredOn ?? null,
  };
}
