import { Transaction } from '@passerelle/service-kit';
import { Booking } from '../../domain/occupancy';
import { Closure, Structure } from '../../domain/structure';

export interface StructureRepository {
  /** Held until the transaction ends: bookings of one structure are decided one at a time. */
  lockById(tx: Transaction, id: string): Promise<Structure | undefined>;
  findById(tx: Transaction, id: string): Promise<Structure | undefined>;
  listByDepartement(tx: Transaction, departement: string): Promise<Structure[]>;
  insert(tx: Transaction, structure: Structure): Promise<void>;
  update(tx: Transaction, structure: Structure): Promise<void>;
  /** Closures not over before `from`. */
  closuresOf(tx: Transaction, structureIds: string[], from: string): Promise<Closure[]>;
  insertClosure(tx: Transaction, closure: Closure): Promise<void>;
  deleteClosure(tx: Transaction, structureId: string, closureId: string): Promise<boolean>;
  /** Places held by confirmed and entered placements. */
  bookingsOf(tx: Transaction, structureIds: string[]): Promise<Booking[]>;
}

export const STRUCTURE_REPOSITORY = Symbol('STRUCTURE_REPOSITORY');
