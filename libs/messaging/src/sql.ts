import { Pool, PoolClient } from 'pg';
import { holdingAppends } from './held-appends';

/**
 * The one thing the messaging core needs from a transaction: run SQL in it.
 * TypeORM's EntityManager and pg's PoolClient both fit (their `query` results differ,
 * so the core only relies on `rows` of SELECT/INSERT … RETURNING, see `rowsOf`).
 */
export interface SqlExecutor {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** Opens a transaction, runs the work in it, commits, or rolls back when the work throws. */
export interface TransactionRunner<Tx extends SqlExecutor = SqlExecutor> {
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

/**
 * Rows of a query result, whether it came from pg (`{ rows }`) or TypeORM: an array of rows, or for
 * an UPDATE or DELETE … RETURNING, the pair `[rows, affected count]`.
 */
export function rowsOf<Row>(result: unknown): Row[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as Row[];
  if (Array.isArray(result)) return result as Row[];
  return ((result as { rows?: Row[] }).rows ?? []) as Row[];
}

export function pgTransactionRunner(pool: Pool): TransactionRunner<PoolClient> {
  return {
    async run<T>(work: (tx: PoolClient) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      // Between two queries (the relay waits for Kafka) the database may close the connection, as
      // a restart does: pg then emits 'error' on the client, which ends the process unless heard.
      // Heard, the next query fails, the transaction is abandoned and the broken client discarded.
      let broken: Error | undefined;
      const onError = (error: Error) => {
        broken = error;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await holdingAppends(client, work);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.removeListener('error', onError);
        client.release(broken);
      }
    },
  };
}

/** Double-quoted SQL identifier for a schema name that was checked to be a plain identifier. */
export function schemaIdentifier(schema: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  return `"${schema}"`;
}
