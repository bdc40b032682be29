import { createHash } from 'node:crypto';
import { Client } from 'pg';
import type { SqlExecutor } from './sql';

/** Above this many parameters a statement is a bulk write whose text rarely comes again: it is not kept prepared. */
const MOST_PREPARED_PARAMETERS = 128;

/**
 * Runs a statement as a named prepared statement of the transaction's connection: PostgreSQL parses
 * it once per connection and, after a few executions planned alike, stops planning it. Why: at 100
 * date changes a second, planning was 38 % of PostgreSQL's time per change. For the statements sent
 * with the same text again and again only: each text stays prepared as long as its connection. A pg
 * client, or the connection behind a TypeORM EntityManager's transaction, is used directly (errors are
 * then pg's own, see `isLockConflict`); anything else runs the statement as usual.
 */
export async function queryPrepared(tx: SqlExecutor, text: string, values: unknown[]): Promise<unknown> {
  const client = values.length <= MOST_PREPARED_PARAMETERS ? await connectionOf(tx) : undefined;
  if (!client) return tx.query(text, values);
  return client.query({ name: `p${createHash('sha1').update(text).digest('hex').slice(0, 24)}`, text, values });
}

async function connectionOf(tx: SqlExecutor): Promise<Client | undefined> {
  if (tx instanceof Client) return tx;
  const runner = (tx as { queryRunner?: { connect(): Promise<unknown> } }).queryRunner;
  const connection = runner ? await runner.connect() : undefined;
  return connection instanceof Client ? connection : undefined;
}
