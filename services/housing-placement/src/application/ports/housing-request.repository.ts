import { Transaction } from '@passerelle/service-kit';
import { HousingRequest } from '../../domain/housing-request';

export interface QueueQuery {
  departement: string;
  today: string;
  page: number;
  pageSize: number;
}

/** A structure's view: requests oriented to it by id, or to its type in its département. */
export interface StructureScope {
  structureId: string;
  structureType: string;
  departement: string;
}

export interface HousingRequestRepository {
  lockById(tx: Transaction, id: string): Promise<HousingRequest | undefined>;
  lockByReferral(tx: Transaction, referralId: string): Promise<HousingRequest | undefined>;
  findById(tx: Transaction, id: string): Promise<HousingRequest | undefined>;
  insert(tx: Transaction, request: HousingRequest): Promise<void>;
  update(tx: Transaction, request: HousingRequest): Promise<void>;
  /** The commission's queue, ordered by urgency (see review-queue.ts), one page of it. */
  queue(tx: Transaction, query: QueueQuery): Promise<{ items: HousingRequest[]; total: number }>;
  orientedTo(tx: Transaction, scope: StructureScope): Promise<HousingRequest[]>;
  /** Orientations still open whose validity ended before `today`, after `afterId`. */
  idsLapsingBefore(tx: Transaction, today: string, afterId: string, limit: number): Promise<string[]>;
}

export const HOUSING_REQUEST_REPOSITORY = Symbol('HOUSING_REQUEST_REPOSITORY');
