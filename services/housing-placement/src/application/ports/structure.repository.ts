import { Transaction } from '@passerelle/service-kit';
import { Booking } from '../../domain/occupancy';
import { Closure, Structure } from '../../domain/structure';

/**
 * Some structures by id, or every structure of a département: its thousands of rows are selected
 * by a join, not a list of ids, and only what matters from `from` on is read (see bookingsOf).
 */
export type StructureSelection = { ids: string[] } | { departement: string; from: string };

export interface StructureRepository {
  /** Held until the transaction ends: bookings of one structure are decided one at a time. */
  lockById(tx: Transaction, id: string): Promise<Structure | undefined>;
  findById(tx: Transaction, id: string): Promise<Structure | undefined>;
  listByDepartement(tx: Transaction, departement: string): Promise<Structure[]>;
  insert(tx: Transaction, structure: Structure): Promise<void>;
  update(tx: Transaction, structure: Structure): Promise<void>;
  /** Closures not over before `from`, of the structures named or of every structure of a département. */
  closuresOf(tx: Transaction, structures: StructureSelection, from: string): Promise<Closure[]>;
  insertClosure(tx: Transaction, closure: Closure): Promise<void>;
  deleteClosure(tx: Transaction, structureId: string, closureId: string): Promise<boolean>;
  /**
   * Places held by confirmed and entered placements. For a département, a stay that began before
   * `from` is read as beginning on `from`: stays are open-ended, so what is bookable from `from`
   * on is the same, and the rows shrink to one per structure and contingent for the past.
   */
  bookingsOf(tx: Transaction, structures: StructureSelection): Promise<Booking[]>;
}

export const STRUCTURE_REPOSITORY = Symbol('STRUCTURE_REPOSITORY');
