import { Injectable } from '@nestjs/common';
import { EntityManager, In, MoreThanOrEqual } from 'typeorm';
import { Transaction } from '@passerelle/service-kit';
import { StructureRepository } from '../../application/ports/structure.repository';
import { Booking, Pool } from '../../domain/occupancy';
import { Closure, Structure } from '../../domain/structure';
import { ClosureEntity, PlacementEntity, StructureEntity } from './housing.entities';

const manager = (tx: Transaction) => tx as EntityManager;
const toStructure = (entity: StructureEntity | null) => (entity ? (entity as Structure) : undefined);

@Injectable()
export class StructureTypeormRepository implements StructureRepository {
  async lockById(tx: Transaction, id: string): Promise<Structure | undefined> {
    return toStructure(await manager(tx).findOne(StructureEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }));
  }

  async findById(tx: Transaction, id: string): Promise<Structure | undefined> {
    return toStructure(await manager(tx).findOneBy(StructureEntity, { id }));
  }

  async listByDepartement(tx: Transaction, departement: string): Promise<Structure[]> {
    return (await manager(tx).find(StructureEntity, { where: { departement }, order: { name: 'ASC', id: 'ASC' } })) as Structure[];
  }

  async insert(tx: Transaction, structure: Structure): Promise<void> {
    await manager(tx).insert(StructureEntity, structure);
  }

  async update(tx: Transaction, structure: Structure): Promise<void> {
    const { id, ...changes } = structure;
    await manager(tx).update(StructureEntity, { id }, changes);
  }

  async closuresOf(tx: Transaction, structureIds: string[], from: string): Promise<Closure[]> {
    if (structureIds.length === 0) return [];
    return manager(tx).find(ClosureEntity, { where: { structureId: In(structureIds), to: MoreThanOrEqual(from) } });
  }

  async insertClosure(tx: Transaction, closure: Closure): Promise<void> {
    await manager(tx).insert(ClosureEntity, closure);
  }

  async deleteClosure(tx: Transaction, structureId: string, closureId: string): Promise<boolean> {
    const result = await manager(tx).delete(ClosureEntity, { id: closureId, structureId });
    return (result.affected ?? 0) > 0;
  }

  async bookingsOf(tx: Transaction, structureIds: string[]): Promise<Booking[]> {
    if (structureIds.length === 0) return [];
    const rows = await manager(tx).find(PlacementEntity, {
      select: { id: true, structureId: true, entryDate: true, places: true, pool: true },
      where: { structureId: In(structureIds), status: In(['confirmed', 'entered']) },
    });
    return rows.map((row) => ({ placementId: row.id, structureId: row.structureId, from: row.entryDate!, places: row.places, pool: row.pool as Pool }));
  }
}
