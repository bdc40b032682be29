import { Transaction } from '@passerelle/service-kit';
import { Placement } from '../../domain/placement';

export interface PlacementRepository {
  findById(tx: Transaction, id: string): Promise<Placement | undefined>;
  lockById(tx: Transaction, id: string): Promise<Placement | undefined>;
  /** Every placement of a request, locked, oldest first. */
  lockOfRequest(tx: Transaction, requestId: string): Promise<Placement[]>;
  ofRequests(tx: Transaction, requestIds: string[]): Promise<Placement[]>;
  insert(tx: Transaction, placement: Placement): Promise<void>;
  update(tx: Transaction, placement: Placement): Promise<void>;
}

export const PLACEMENT_REPOSITORY = Symbol('PLACEMENT_REPOSITORY');
