import { DataSource, EntityManager } from 'typeorm';
import { holdingAppends } from '../held-appends';
import { TransactionRunner } from '../sql';

/**
 * Transactions on the service's TypeORM DataSource: handlers and use cases get an EntityManager.
 * Their appends (outbox, audit, deliveries) are held and written together before COMMIT.
 */
export function typeOrmTransactionRunner(dataSource: DataSource): TransactionRunner<EntityManager> {
  return { run: (work) => dataSource.transaction((manager) => holdingAppends(manager, work)) };
}
