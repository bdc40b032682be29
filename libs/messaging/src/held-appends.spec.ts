import { heldState, holdingAppends, statementsOf } from './held-appends';

describe('appends held to commit, as statements', () => {
  it('puts each table in one CTE, rows in the order given, and the notifications in the final SELECT', () => {
    const [statement, ...rest] = statementsOf([
      { into: 's.outbox (id, type)', columns: 2, rows: [['e1', 'a']], notify: 'wake' },
      { into: 's.audit_log (actor)', columns: 1, rows: [['alice']] },
      { into: 's.outbox (id, type)', columns: 2, rows: [['e2', 'b']], notify: 'wake' },
    ]);
    expect(rest).toEqual([]);
    expect(statement.text).toBe(
      "WITH a0 AS (INSERT INTO s.outbox (id, type) VALUES ($1, $2), ($3, $4)), a1 AS (INSERT INTO s.audit_log (actor) VALUES ($5)) SELECT pg_notify($6, '')",
    );
    expect(statement.values).toEqual(['e1', 'a', 'e2', 'b', 'alice', 'wake']);
  });

  it('keeps a conflict clause with its own table and SELECTs 1 when nobody is to be woken', () => {
    const [statement] = statementsOf([{ into: 't (k)', suffix: 'ON CONFLICT (k) DO NOTHING', columns: 1, rows: [[1], [2]] }]);
    expect(statement.text).toBe('WITH a0 AS (INSERT INTO t (k) VALUES ($1), ($2) ON CONFLICT (k) DO NOTHING) SELECT 1');
  });

  it('splits below PostgreSQL’s parameter limit, every value numbered from $1 in its own statement', () => {
    const rows = Array.from({ length: 25_000 }, (_, i) => [i, `v${i}`, true]);
    const statements = statementsOf([{ into: 't (a, b, c)', columns: 3, rows, notify: 'wake' }]);
    expect(statements.length).toBe(2);
    for (const { text, values } of statements) {
      expect(values.length).toBeLessThanOrEqual(65_535);
      const numbers = [...text.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]));
      expect(Math.max(...numbers)).toBe(values.length);
    }
    expect(statements.flatMap(({ values }) => values).filter((value) => typeof value === 'number')).toEqual(rows.map(([i]) => i));
    expect(statements[0].text).not.toContain('pg_notify');
    expect(statements[1].text).toContain('pg_notify');
  });

  it('writes a keyed row changed twice once, with its last values, where it first came', () => {
    const [statement] = statementsOf([
      { into: 'r (id, v)', suffix: 'ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v', columns: 2, rows: [['a', 1]], key: 0 },
      { into: 'r (id, v)', suffix: 'ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v', columns: 2, rows: [['b', 1]], key: 0 },
      { into: 'r (id, v)', suffix: 'ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v', columns: 2, rows: [['a', 2]], key: 0 },
    ]);
    expect(statement.values).toEqual(['a', 2, 'b', 1]);
  });

  it('writes nothing for nothing', () => {
    expect(statementsOf([])).toEqual([]);
  });
});

describe('a change carrying the held appends', () => {
  it('goes first with its own numbering, the appends numbered after it', () => {
    const [statement] = statementsOf(
      [{ into: 's.outbox (id)', columns: 1, rows: [['e1']], notify: 'wake' }],
      { text: 'UPDATE s.detentions SET status = $1 WHERE id = $2', values: ['released', 'd1'] },
    );
    expect(statement.text).toBe("WITH w AS (UPDATE s.detentions SET status = $1 WHERE id = $2), a1 AS (INSERT INTO s.outbox (id) VALUES ($3)) SELECT pg_notify($4, '')");
    expect(statement.values).toEqual(['released', 'd1', 'e1', 'wake']);
  });
});

describe('state held for a transaction', () => {
  const tx = { query: async () => [] };
  const name = Symbol('test');

  it('lives while the transaction holds appends, and goes with it', async () => {
    await holdingAppends(tx, async () => {
      heldState(tx, name, () => new Map<string, number>())!.set('a', 1);
      expect(heldState(tx, name, () => new Map<string, number>())!.get('a')).toBe(1);
    });
    expect(heldState(tx, name, () => new Map())).toBeUndefined();
  });
});
