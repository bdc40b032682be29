import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail, AuthenticatedUser } from '@passerelle/auth';
import { addDays, daysBetween } from '@passerelle/domain-kernel';
import { Transaction, UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { HousingRuleError } from '../domain/housing-errors';
import { PlaceFigures } from '../domain/occupancy';
import { assertConsistentPlaces, assertValidClosure, Closure, Structure } from '../domain/structure';
import { HousingNotFoundError, isSiaoOf, isStaffOf } from './access';
import { Places } from './places';
import { STRUCTURE_REPOSITORY, StructureRepository } from './ports/structure.repository';

export type StructurePatch = Partial<Omit<Structure, 'id' | 'departement'>>;

/** The longest availability a single read returns: a quarter. */
export const MAX_AVAILABILITY_DAYS = 92;

/**
 * The SIAO keeps its département's structures and their places; a structure may take places out
 * of service for a period. Each change tells the dashboards through `capacity.changed`.
 */
@Injectable()
export class StructureCommands {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(STRUCTURE_REPOSITORY) private readonly structures: StructureRepository,
    private readonly places: Places,
    private readonly audit: AuditTrail,
  ) {}

  register(fields: Omit<Structure, 'id'>, actor: AuthenticatedUser): Promise<Structure> {
    return this.unitOfWork.run(async (tx) => {
      const structure: Structure = { id: randomUUID(), ...fields };
      assertConsistentPlaces(structure);
      await this.structures.insert(tx, structure);
      await this.places.reportCapacity(tx, structure, 'registered');
      await this.recordAudit(tx, actor, 'create', structure.id);
      return structure;
    });
  }

  update(id: string, patch: StructurePatch, actor: AuthenticatedUser): Promise<Structure> {
    return this.onStructure(id, actor, 'siao', async (tx, structure) => {
      const updated: Structure = { ...structure, ...patch, accepts: { ...structure.accepts, ...patch.accepts } };
      assertConsistentPlaces(updated);
      await this.structures.update(tx, updated);
      await this.places.reportCapacity(tx, updated, 'capacity_updated');
      return updated;
    });
  }

  closePlaces(id: string, closure: Omit<Closure, 'id' | 'structureId'>, actor: AuthenticatedUser): Promise<Closure> {
    return this.onStructure(id, actor, 'siao_or_staff', async (tx, structure) => {
      assertValidClosure(structure, closure);
      const saved: Closure = { id: randomUUID(), structureId: id, ...closure };
      await this.structures.insertClosure(tx, saved);
      await this.places.reportCapacity(tx, structure, 'out_of_service');
      return saved;
    });
  }

  reopenPlaces(id: string, closureId: string, actor: AuthenticatedUser): Promise<void> {
    return this.onStructure(id, actor, 'siao_or_staff', async (tx, structure) => {
      if (!(await this.structures.deleteClosure(tx, id, closureId))) throw new HousingNotFoundError('closure', closureId);
      await this.places.reportCapacity(tx, structure, 'back_in_service');
    });
  }

  /** The figures of each day from `from` to `to`, for the commission's planning. */
  availability(id: string, from: string, to: string, actor: AuthenticatedUser): Promise<Array<{ date: string } & PlaceFigures>> {
    if (to < from || daysBetween(from, to) >= MAX_AVAILABILITY_DAYS) {
      throw HousingRuleError.of('to', 'withinAQuarter', `to must be on or after from and at most ${MAX_AVAILABILITY_DAYS - 1} days later`);
    }
    return this.unitOfWork.run(async (tx) => {
      const structure = await this.visible(tx, id, actor, 'siao_or_staff');
      const [occupancy] = await this.places.occupancyOf(tx, [structure]);
      const days = Array.from({ length: daysBetween(from, to) + 1 }, (_, offset) => addDays(from, offset));
      return days.map((date) => ({ date, ...occupancy.on(date) }));
    });
  }

  list(departement: string, actor: AuthenticatedUser): Promise<Structure[]> {
    if (!isSiaoOf(actor, departement)) throw new HousingNotFoundError('département', departement);
    return this.unitOfWork.run((tx) => this.structures.listByDepartement(tx, departement));
  }

  get(id: string, actor: AuthenticatedUser): Promise<Structure> {
    return this.unitOfWork.run((tx) => this.visible(tx, id, actor, 'siao_or_staff'));
  }

  private onStructure<T>(id: string, actor: AuthenticatedUser, who: Who, work: (tx: Transaction, structure: Structure) => Promise<T>): Promise<T> {
    return this.unitOfWork.run(async (tx) => {
      await this.visible(tx, id, actor, who);
      const result = await work(tx, (await this.structures.lockById(tx, id))!);
      await this.recordAudit(tx, actor, 'update', id);
      return result;
    });
  }

  private async visible(tx: Transaction, id: string, actor: AuthenticatedUser, who: Who): Promise<Structure> {
    const structure = await this.structures.findById(tx, id);
    const allowed = structure && (isSiaoOf(actor, structure.departement) || (who === 'siao_or_staff' && isStaffOf(actor, structure)));
    if (!allowed) throw new HousingNotFoundError('structure', id);
    return structure;
  }

  private recordAudit(tx: Transaction, actor: AuthenticatedUser, action: string, id: string): Promise<void> {
    return this.audit.record(tx, { actor, action, resourceType: 'structure', resourceId: id });
  }
}

type Who = 'siao' | 'siao_or_staff';
