import { randomUUID } from 'node:crypto';
import { Client, Pool, PoolClient } from 'pg';
import { IsString } from 'class-validator';
import { defineEvent } from '@passerelle/contracts';
import { appendRows, outboxChannel, OutboxWriter, pgTransactionRunner, writeWithHeldAppends } from '@passerelle/messaging';
import { expectEventually, freshMessagingSchema, testDatabaseUrl, testPool } from '@passerelle/testing';

class NotedV1 {
  @IsString() personId!: string;
}

const noted = defineEvent({ name: 'held.person.noted', version: 1, topic: 'held.events', payload: NotedV1, key: (e) => e.personId });

describe('appends held to commit (real PostgreSQL)', () => {
  let pool: Pool;
  let schema: string;
  let writer: OutboxWriter;
  const run = <T>(work: (tx: PoolClient) => Promise<T>) => pgTransactionRunner(pool).run(work);
  const outboxIds = async () => (await pool.query(`SELECT id FROM ${schema}.outbox ORDER BY seq`)).rows.map((row) => row.id);
  const journal = async () => (await pool.query(`SELECT note FROM ${schema}.journal ORDER BY id`)).rows.map((row) => row.note);
  const note = (tx: PoolClient, ...notes: string[]) => appendRows(tx, { into: `${schema}.journal (note)`, columns: 1, rows: notes.map((n) => [n]) });

  beforeAll(async () => {
    pool = testPool(4);
    schema = await freshMessagingSchema(pool, 'held');
    await pool.query(`CREATE TABLE ${schema}.journal (id bigserial PRIMARY KEY, note text NOT NULL)`);
    writer = new OutboxWriter({ schema, source: '/passerelle/held-test' });
  });

  afterAll(async () => {
    await pool.query(`DROP SCHEMA ${schema} CASCADE`);
    await pool.end();
  });

  beforeEach(() => pool.query(`TRUNCATE ${schema}.outbox, ${schema}.journal`));

  it('writes a transaction’s outbox and journal rows in one statement at commit, in the order they were added', async () => {
    let sentInWork = 0;
    let visibleInWork = -1;
    let query: jest.SpyInstance | undefined;
    const ids = await run(async (tx) => {
      query = jest.spyOn(tx, 'query');
      const first = await writer.addMany(tx, [{ descriptor: noted, payload: { personId: 'a' } }, { descriptor: noted, payload: { personId: 'b' } }]);
      await note(tx, 'one', 'two');
      const second = await writer.add(tx, noted, { personId: 'c' });
      sentInWork = query.mock.calls.length;
      visibleInWork = Number((await tx.query(`SELECT count(*) FROM ${schema}.outbox`)).rows[0].count);
      return [...first, second];
    });
    // A statement goes as text, or as a prepared statement's config (see queryPrepared).
    const sentAtCommit = query!.mock.calls.slice(sentInWork + 1).map(([sent]) => (typeof sent === 'string' ? sent : String(sent.text)));
    query!.mockRestore();
    expect(sentInWork).toBe(0);
    expect(sentAtCommit.filter((text) => text.includes('INSERT'))).toHaveLength(1);
    expect(sentAtCommit.at(-1)).toBe('COMMIT');
    expect(visibleInWork).toBe(0);
    expect(await outboxIds()).toEqual(ids);
    expect(await journal()).toEqual(['one', 'two']);
  });

  it('keeps nothing when the work fails after its appends', async () => {
    await expect(run(async (tx) => {
      await writer.add(tx, noted, { personId: 'a' });
      await note(tx, 'lost');
      throw new Error('the use case failed');
    })).rejects.toThrow('the use case failed');
    expect(await outboxIds()).toEqual([]);
    expect(await journal()).toEqual([]);
  });

  it('rolls the whole transaction back when the held rows themselves fail', async () => {
    await expect(run(async (tx) => {
      await tx.query(`INSERT INTO ${schema}.journal (note) VALUES ('before')`);
      await appendRows(tx, { into: `${schema}.journal (note)`, columns: 1, rows: [[null]] });
    })).rejects.toThrow(/null value/);
    expect(await journal()).toEqual([]);
  });

  it('wakes the relay’s channel once the rows are committed', async () => {
    const listener = new Client({ connectionString: testDatabaseUrl() });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (message) => heard.push(message.channel));
    await listener.query(`LISTEN "${outboxChannel(schema)}"`);
    try {
      await run((tx) => writer.add(tx, noted, { personId: randomUUID() }));
      await expectEventually(async () => expect(heard).toEqual([outboxChannel(schema)]));
    } finally {
      await listener.end();
    }
  });

  it('sends a change and the rows held so far as one statement, and gives the change’s error to its caller', async () => {
    await pool.query(`CREATE TABLE IF NOT EXISTS ${schema}.people (id text PRIMARY KEY, name text UNIQUE)`);
    await pool.query(`TRUNCATE ${schema}.people`);
    await pool.query(`INSERT INTO ${schema}.people VALUES ('p1', 'Ana'), ('p2', 'Bea')`);
    const rename = (tx: PoolClient, id: string, name: string) => writeWithHeldAppends(tx, { text: `UPDATE ${schema}.people SET name = $1 WHERE id = $2`, values: [name, id] });
    let statements = 0;
    await run(async (tx) => {
      await writer.add(tx, noted, { personId: 'p1' });
      await note(tx, 'renamed');
      const query = jest.spyOn(tx, 'query');
      await rename(tx, 'p1', 'Anna');
      statements = query.mock.calls.length;
      query.mockRestore();
    });
    expect(statements).toBe(1);
    expect((await outboxIds()).length).toBe(1);
    expect(await journal()).toEqual(['renamed']);
    const names = async () => (await pool.query(`SELECT name FROM ${schema}.people ORDER BY id`)).rows.map((row) => row.name);
    expect(await names()).toEqual(['Anna', 'Bea']);

    const failed = run(async (tx) => {
      await note(tx, 'lost');
      await rename(tx, 'p2', 'Anna').catch((error) => { throw new Error(`caught at the change: ${error.code}`); });
    });
    await expect(failed).rejects.toThrow('caught at the change: 23505');
    expect(await journal()).toEqual(['renamed']);
    expect(await names()).toEqual(['Anna', 'Bea']);
  });

  it('writes at once outside a transaction that holds appends', async () => {
    const client = await pool.connect();
    try {
      await note(client, 'now');
      expect(await journal()).toEqual(['now']);
    } finally {
      client.release();
    }
  });
});
