import { Injectable } from '@nestjs/common';
import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Transaction } from '@passerelle/service-kit';
import { StructureRepository, StructureSelection } from '../../application/ports/structure.repository';
import { Booking } from '../../domain/occupancy';
import { Closure, Structure } from '../../domain/structure';
import { ClosureEntity, PlacementEntity, StructureEntity } from './housing.entities';

const manager = (tx: Transaction) => tx as EntityManager;

/** Rows of the structures selected, through their `structure_id`; undefined when none can match. */
function selecting<T extends ObjectLiteral>(builder: SelectQueryBuilder<T>, alias: string, structures: StructureSelection): SelectQueryBuilder<T> | undefined {
  if ('departement' in structures) {
    return builder.innerJoin(StructureEntity, 's', `s.id = ${alias}.structure_id`).where('s.departement = :departement', { departement: structures.departement });
  }
  return structures.ids.length === 0 ? undefined : builder.where(`${alias}.structure_id IN (:...ids)`, { ids: structures.ids });
}
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

  async closuresOf(tx: Transaction, structures: StructureSelection, from: string): Promise<Closure[]> {
    const builder = selecting(manager(tx).createQueryBuilder(ClosureEntity, 'c'), 'c', structures);
    return builder ? builder.andWhere('c.to_date >= :from', { from }).getMany() : [];
  }

  async insertClosure(tx: Transaction, closure: Closure): Promise<void> {
    await manager(tx).insert(ClosureEntity, closure);
  }

  async deleteClosure(tx: Transaction, structureId: string, closureId: string): Promise<boolean> {
    const result = await manager(tx).delete(ClosureEntity, { id: closureId, structureId });
    return (result.affected ?? 0) > 0;
  }

  async bookingsOf(tx: Transaction, structures: StructureSelection): Promise<Booking[]> {
    const builder = selecting(manager(tx).createQueryBuilder(PlacementEntity, 'p'), 'p', structures);
    if (!builder) return [];
    // Stays starting the same day from the same contingent count as one: a département holds thousands.
    const starts = 'from' in structures ? 'GREATEST(p.entry_date, CAST(:from AS date))' : 'p.entry_date';
    return builder
      .select('p.structure_id', 'structureId').addSelect(`to_char(${starts}, 'YYYY-MM-DD')`, 'from').addSelect('p.pool', 'pool')
      .addSelect('sum(p.places)::int', 'places').addSelect('min(p.id::text)', 'placementId')
      .andWhere(`p.status IN ('confirmed', 'entered')`)
      .setParameter('from', 'from' in structures ? structures.from : null)
      .groupBy('p.structure_id').addGroupBy(starts).addGroupBy('p.pool')
      .getRawMany<Booking>();
  }
}
