import { queryPrepared } from './prepared-query';
import { SqlExecutor } from './sql';
import { chunksFor } from './sql-values';

/**
 * Rows added to a table that nothing reads back before the transaction commits: outbox rows,
 * audit rows, webhook deliveries. `into` is the table and its columns, `suffix` what follows the
 * VALUES (an `ON CONFLICT` clause); appends with the same `into` and `suffix` share one INSERT.
 */
export interface Append {
  into: string;
  suffix?: string;
  columns: number;
  rows: unknown[][];
  /** A channel to `pg_notify` once the rows are written (PostgreSQL delivers it at commit). */
  notify?: string;
  /**
   * The column that names a row: a later row with the same value replaces the earlier one in its
   * place (an upsert of a row changed twice in a transaction; `ON CONFLICT DO UPDATE` refuses to touch a row twice in one statement).
   */
  key?: number;
}

/** PostgreSQL takes at most 65,535 parameters per statement. */
const MAX_PARAMETERS = 60_000;

const held = new WeakMap<SqlExecutor, Append[]>();
const states = new WeakMap<SqlExecutor, Map<symbol, unknown>>();

/**
 * Runs a transaction's work holding in memory what `appendRows` is given in `tx`, then writes it. Why: each statement of
 * a transaction is a round trip that wakes a PostgreSQL backend, and on a busy machine that wake-up
 * costs more than the work. Held, a use case's outbox and audit rows, or a consumer batch's
 * deliveries, go as one statement just before COMMIT.
 */
export async function holdingAppends<Tx extends SqlExecutor, T>(tx: Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
  held.set(tx, []);
  states.set(tx, new Map());
  try {
    const result = await work(tx);
    await flushAppends(tx);
    return result;
  } finally {
    held.delete(tx);
    states.delete(tx);
  }
}

/**
 * What a repository keeps for the length of a transaction that holds appends (the rows it has
 * locked, or written but not yet sent, so that it reads them back from memory); undefined in any other.
 */
export function heldState<T>(tx: SqlExecutor, name: symbol, create: () => T): T | undefined {
  const state = states.get(tx);
  if (!state) return undefined;
  if (!state.has(name)) state.set(name, create());
  return state.get(name) as T;
}

/**
 * Writes the rows now, or, in a transaction whose runner holds appends, just before its commit: a
 * failure then still rolls back the whole transaction. Callers check what they can before (an
 * outbox payload is validated here and now), since a database error comes only at the flush.
 */
export async function appendRows(tx: SqlExecutor, rows: Append): Promise<void> {
  if (rows.rows.length === 0 && !rows.notify) return;
  const pending = held.get(tx);
  if (pending) pending.push(rows);
  else await writeAll(tx, [rows]);
}

/** Sends what `tx` holds so far (a use case that must read its own rows back calls it). */
export async function flushAppends(tx: SqlExecutor): Promise<void> {
  const pending = held.get(tx);
  held.set(tx, []);
  if (pending && pending.length > 0) await writeAll(tx, pending);
}

/**
 * Runs `change` (a plain INSERT, UPDATE or DELETE, numbered from $1) now, and the appends held so far
 * in the same statement: a use case's change, its events and its audit row in one round trip. Its
 * errors come here, where the caller can tell them apart (a unique key, a 409).
 */
export async function writeWithHeldAppends(tx: SqlExecutor, change: Statement): Promise<void> {
  const pending = held.get(tx) ?? [];
  if (held.has(tx)) held.set(tx, []);
  await writeAll(tx, pending, change);
}

async function writeAll(tx: SqlExecutor, appends: Append[], change?: Statement): Promise<void> {
  for (const statement of statementsOf(appends, change)) await queryPrepared(tx, statement.text, statement.values);
}

export interface Statement { text: string; values: unknown[] }

/**
 * The appends as few statements as the parameter limit allows: one data-modifying CTE per table
 * (PostgreSQL runs each exactly once, rows in the order given, so an outbox keeps its order), and
 * the notifications as the final SELECT, which makes them run. A `change` goes first, keeping its
 * own numbering.
 */
export function statementsOf(appends: Append[], change?: Statement): Statement[] {
  const statements: Statement[] = [];
  let parts: string[] = change ? [`w AS (${change.text})`] : [];
  let values: unknown[] = change ? [...change.values] : [];
  const close = (notify: string[]) => {
    if (parts.length === 0 && notify.length === 0) return;
    const channels = notify.map((channel) => `pg_notify($${values.push(channel)}, '')`);
    const select = `SELECT ${channels.length > 0 ? channels.join(', ') : '1'}`;
    statements.push({ text: parts.length > 0 ? `WITH ${parts.join(', ')} ${select}` : select, values });
    parts = [];
    values = [];
  };
  for (const group of groupsOf(appends)) {
    for (const chunk of chunksFor(group.rows, group.columns, MAX_PARAMETERS)) {
      if (values.length + chunk.length * group.columns > MAX_PARAMETERS) close([]);
      const rows = chunk.map((row) => `(${row.map((value) => `$${values.push(value)}`).join(', ')})`);
      parts.push(`a${parts.length} AS (INSERT INTO ${group.into} VALUES ${rows.join(', ')}${group.suffix ? ` ${group.suffix}` : ''})`);
    }
  }
  close([...new Set(appends.flatMap((rows) => (rows.notify ? [rows.notify] : [])))]);
  return statements;
}

function groupsOf(appends: Append[]): Append[] {
  const groups = new Map<string, Append>();
  for (const rows of appends) {
    const key = `${rows.into}\n${rows.suffix ?? ''}`;
    const group = groups.get(key);
    if (group) group.rows.push(...rows.rows);
    else groups.set(key, { into: rows.into, suffix: rows.suffix, columns: rows.columns, rows: [...rows.rows], key: rows.key });
  }
  return [...groups.values()].map((group) => (group.key === undefined ? group : { ...group, rows: lastOfEach(group.rows, group.key) }));
}

/** Each row named by column `key` once, with its last values, where it first came. */
function lastOfEach(rows: unknown[][], key: number): unknown[][] {
  const byKey = new Map<unknown, unknown[]>();
  for (const row of rows) byKey.set(row[key], row);
  return [...byKey.values()];
}
