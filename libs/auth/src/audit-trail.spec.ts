import { SqlExecutor } from '@passerelle/messaging';
import { CorrelationContext } from '@passerelle/observability';
import { auditSchemaV1, AuditTrail, dropAuditSchemaV1 } from './audit-trail';
import { AuthenticatedUser } from './authenticated-user';

class RecordingExecutor implements SqlExecutor {
  readonly queries: Array<{ sql: string; params?: unknown[] }> = [];

  async query(sql: string, params?: unknown[]): Promise<unknown> {
    this.queries.push({ sql, params });
    return { rows: [] };
  }
}

const personId = '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

describe('AuditTrail', () => {
  it('inserts the row in the given transaction with the current correlation id', async () => {
    const tx = new RecordingExecutor();
    const user = new AuthenticatedUser({ subject: 'alice', roles: ['spip'], departements: ['75'] });

    await CorrelationContext.run({ correlationId: 'corr-1' }, () =>
      new AuditTrail('referral').record(tx, { actor: user, action: 'read', resourceType: 'referral', resourceId: 'r-1', personId }));

    expect(tx.queries).toHaveLength(1);
    expect(tx.queries[0].sql).toMatch(/INSERT INTO "referral"\.audit_log \(actor, actor_roles, action, resource_type, resource_id, person_id, correlation_id, outcome\)/);
    expect(tx.queries[0].params).toEqual(['alice', ['spip'], 'read', 'referral', 'r-1', personId, 'corr-1', 'ok']);
  });

  it('records system work without roles, person or context', async () => {
    const tx = new RecordingExecutor();

    await new AuditTrail('referral').record(tx, { actor: 'system', action: 'update', resourceType: 'referral', resourceId: 'r-2', outcome: 'denied' });

    const [actor, roles, , , , person, correlationId, outcome] = tx.queries[0].params ?? [];
    expect([actor, roles, person, outcome]).toEqual(['system', [], null, 'denied']);
    expect(correlationId).toEqual(expect.any(String));
  });

  it('refuses an incomplete entry before touching the database', async () => {
    const tx = new RecordingExecutor();
    const trail = new AuditTrail('referral');

    await expect(trail.record(tx, { actor: 'system', action: 'read', resourceType: 'referral', resourceId: '' })).rejects.toThrow(/resourceId/);
    await expect(trail.record(tx, { actor: 'system', action: 'read', resourceType: 'referral', resourceId: 'r', personId: 'p-1' })).rejects.toThrow(/UUID/);
    expect(tx.queries).toHaveLength(0);
  });

  it('refuses a schema name that is not a plain identifier', () => {
    expect(() => new AuditTrail('referral"; DROP TABLE x; --')).toThrow(/invalid schema name/);
  });

  it('creates and drops the table in the service schema', () => {
    const ddl = auditSchemaV1('referral').join(';\n');

    expect(ddl).toContain('CREATE TABLE "referral".audit_log');
    expect(ddl).toMatch(/person_id uuid,/);
    expect(ddl).toContain('ON "referral".audit_log (person_id, occurred_at)');
    expect(dropAuditSchemaV1('referral')).toEqual(['DROP TABLE IF EXISTS "referral".audit_log']);
  });
});
