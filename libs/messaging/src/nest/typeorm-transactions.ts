import { DataSource, EntityManager } from 'typeorm';
import { dropHeldAppends, flushAppends, holdAppends } from '../held-appends';
import { TransactionRunner } from '../sql';

/**
 * Transactions on the service's TypeORM DataSource: handlers and use cases get an EntityManager.
 * Their appends (outbox, audit, deliveries) are held and written together before COMMIT.
 */
export function typeOrmTransactionRunner(dataSource: DataSource): TransactionRunner<EntityManager> {
  return {
    run: (work) => dataSource.transaction(async (manager) => {
      holdAppends(manager);
      try {
        const result = await work(manager);
        await flushAppends(manager);
        return result;
      } finally {
        dropHeldAppends(manager);
      }
    }),
  };
}
