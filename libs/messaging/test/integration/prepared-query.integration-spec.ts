import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { pgTransactionRunner, queryPrepared, rowsOf, SqlExecutor, typeOrmTransactionRunner } from '@passerelle/messaging';
import { freshMessagingSchema, testDatabaseUrl, testPool } from '@passerelle/testing';

describe('prepared statements of a transaction’s connection (real PostgreSQL)', () => {
  let pool: Pool;
  let dataSource: DataSource;
  let schema: string;
  const prepared = async (tx: SqlExecutor) =>
    rowsOf<{ statement: string }>(await tx.query('SELECT statement FROM pg_prepared_statements')).map((row) => row.statement);
  const insert = () => `INSERT INTO ${schema}.names (name) VALUES ($1) RETURNING id, name`;

  beforeAll(async () => {
    pool = testPool(2);
    schema = await freshMessagingSchema(pool, 'prepared');
    await pool.query(`CREATE TABLE ${schema}.names (id bigserial PRIMARY KEY, name text NOT NULL UNIQUE)`);
    dataSource = await new DataSource({ type: 'postgres', url: testDatabaseUrl(), poolSize: 1 }).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await pool.query(`DROP SCHEMA ${schema} CASCADE`);
    await pool.end();
  });

  it('keeps the statement prepared on a pg client, and returns its rows', async () => {
    const rows = await pgTransactionRunner(pool).run(async (tx) => {
      const result = rowsOf<{ name: string }>(await queryPrepared(tx, insert(), ['ada']));
      expect(await prepared(tx)).toContain(insert());
      return result;
    });
    expect(rows).toMatchObject([{ name: 'ada' }]);
  });

  it('uses the connection behind a TypeORM transaction, again on its next transaction, and its errors keep their SQLSTATE', async () => {
    const runner = typeOrmTransactionRunner(dataSource);
    await runner.run(async (tx) => {
      expect(rowsOf(await queryPrepared(tx, insert(), ['grace']))).toMatchObject([{ name: 'grace' }]);
      expect(await prepared(tx)).toContain(insert());
    });
    await expect(runner.run((tx) => queryPrepared(tx, insert(), ['grace']))).rejects.toMatchObject({ code: '23505', constraint: 'names_name_key' });
    expect(rowsOf(await dataSource.query(`SELECT name FROM ${schema}.names ORDER BY id`))).toEqual([{ name: 'ada' }, { name: 'grace' }]);
  });

  it('runs a statement of many parameters as usual, without keeping it', async () => {
    const many = Array.from({ length: 200 }, (_, index) => `n${index}`);
    const text = `INSERT INTO ${schema}.names (name) SELECT unnest(ARRAY[${many.map((_, index) => `$${index + 1}`).join(', ')}]::text[])`;
    await pgTransactionRunner(pool).run(async (tx) => {
      await queryPrepared(tx, text, many);
      expect(await prepared(tx)).not.toContain(text);
    });
    expect(Number((await pool.query(`SELECT count(*) FROM ${schema}.names`)).rows[0].count)).toBe(202);
  });
});
