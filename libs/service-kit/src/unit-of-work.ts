import { SqlExecutor, TransactionRunner } from '@passerelle/messaging';

/** A transaction as use cases see it: opaque, handed to repositories and the outbox. */
export type Transaction = SqlExecutor;

/** Opens the transaction of a use case; the TypeORM DataSource stands behind it. */
export type UnitOfWork = TransactionRunner<Transaction>;

export const UNIT_OF_WORK = Symbol('UNIT_OF_WORK');
