import { DataSource, EntityManager } from 'typeorm';
import { TransactionRunner } from '../sql';

/** Transactions on the service's TypeORM DataSource: handlers and use cases get an EntityManager. */
export function typeOrmTransactionRunner(dataSource: DataSource): TransactionRunner<EntityManager> {
  return { run: (work) => dataSource.transaction(work) };
}
