import { isLockConflict, SqlExecutor, TransactionRunner } from '@passerelle/messaging';

/** A transaction as use cases see it: opaque, handed to repositories and the outbox. */
export type Transaction = SqlExecutor;

/** Opens the transaction of a use case; the TypeORM DataSource stands behind it. */
export type UnitOfWork = TransactionRunner<Transaction>;

export const UNIT_OF_WORK = Symbol('UNIT_OF_WORK');

/**
 * Runs the work in a transaction, again (up to `attempts` in all) when PostgreSQL chose it as the
 * victim of a deadlock: a job locking many rows (a sweep) can meet a consumer's batch locking some
 * of them in another order. The work must keep no state outside its transaction: return it instead.
 */
export async function runRetryingLockConflicts<T>(unitOfWork: UnitOfWork, work: (tx: Transaction) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await unitOfWork.run(work);
    } catch (error) {
      if (attempt >= attempts || !isLockConflict(error)) throw error;
    }
  }
}
