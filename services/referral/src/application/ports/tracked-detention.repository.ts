import { Transaction } from '@passerelle/service-kit';
import { TrackedDetention } from '../../domain/tracked-detention';

/** Tracked detentions, in the service's schema, keyed by detention id. */
export interface TrackedDetentionRepository {
  /**
   * Inserts the detention unless one with the same id is already tracked.
   * Idempotent: returns false, and changes nothing, when it was already there.
   */
  trackIfNew(tx: Transaction, detention: TrackedDetention): Promise<boolean>;
  findById(tx: Transaction, detentionId: string): Promise<TrackedDetention | undefined>;
}

export const TRACKED_DETENTION_REPOSITORY = Symbol('TRACKED_DETENTION_REPOSITORY');
