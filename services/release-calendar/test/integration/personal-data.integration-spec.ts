import { randomUUID } from 'node:crypto';
import { mintDevToken } from '@passerelle/auth';
import { jsonClient, queryRows, RunningService, startService } from '@passerelle/testing';
import { releaseCalendarService } from '../../src/release-calendar.definition';
import { ReleaseCalendarModule } from '../../src/release-calendar.module';

const spip01 = mintDevToken({ subject: 'cpip-01', roles: ['spip'], departements: ['01'] });
const admin = mintDevToken({ subject: 'dpo', roles: ['admin'], departements: [] });

function detention(expectedReleaseDate: string) {
  return {
    personId: randomUUID(), identity: { lastName: 'Lefèvre', firstNames: 'Marc', birthDate: '1979-06-03' },
    ecrou: `R${Math.floor(Math.random() * 1e9)}`, establishmentCode: 'CP-BOURG', establishmentName: 'Centre pénitentiaire de Bourg-en-Bresse',
    spipDepartement: '01', incarcerationDate: '2025-01-10', expectedReleaseDate, expectedReleaseKind: 'end_of_sentence',
  };
}

describe('release-calendar: retention and subject access', () => {
  let service: RunningService;
  const call = () => jsonClient(service.url);
  const rowOf = async (id: string) => (await queryRows(`SELECT * FROM ${service.schema}.detentions WHERE id = $1`, [id]))[0];
  const outboxOf = (personId: string) => queryRows<{ data: Record<string, unknown> }>(`SELECT data FROM ${service.schema}.outbox WHERE partition_key = $1 ORDER BY seq`, [personId]);
  const register = async (body: ReturnType<typeof detention>) => {
    const created = await call()('POST', '/v1/detentions', spip01, body);
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const release = async (id: string, releasedOn: string) =>
    expect((await call()('POST', `/v1/detentions/${id}/release`, spip01, { releasedOn, releaseKind: 'end_of_sentence' })).status).toBe(200);

  beforeAll(async () => {
    service = await startService(ReleaseCalendarModule, releaseCalendarService);
  });

  afterAll(() => service.close());

  it('erases the identity and écrou of people released more than 24 months ago, once, and keeps the recent ones', async () => {
    const old = detention('2027-01-31');
    const oldId = await register(old);
    await release(oldId, '2026-11-20');
    const recent = detention('2028-12-01');
    const recentId = await register(recent);
    const stillIn = detention('2029-06-30');
    const stillInId = await register(stillIn);
    service.clock.set('2028-12-01T12:00:00+01:00');
    await release(recentId, '2028-12-01');
    expect((await outboxOf(old.personId)).some(({ data }) => 'identity' in data)).toBe(true);

    service.clock.set('2029-01-15T12:00:00+01:00');
    const sweep = await call()('POST', '/v1/admin/retention-sweep', admin);
    expect(sweep.status).toBe(200);
    expect(sweep.body).toEqual({ today: '2029-01-15', closedBefore: '2027-01-15', erased: 1 });

    const erased = await rowOf(oldId);
    expect(erased).toMatchObject({ last_name: null, first_names: null, birth_date: null, ecrou: null, status: 'released', spip_departement: '01' });
    expect((await outboxOf(old.personId)).map(({ data }) => data)).toEqual(
      expect.arrayContaining([expect.objectContaining({ personId: old.personId, detentionId: oldId })]),
    );
    expect(JSON.stringify(await outboxOf(old.personId))).not.toMatch(/Lefèvre|Marc|1979-06-03|identity/);
    for (const id of [recentId, stillInId]) expect(await rowOf(id)).toMatchObject({ last_name: 'Lefèvre', ecrou: expect.any(String), erased_on: null });
    const audited = await queryRows(`SELECT actor, action FROM ${service.schema}.audit_log WHERE person_id = $1 AND action = 'erase'`, [old.personId]);
    expect(audited).toEqual([{ actor: 'system', action: 'erase' }]);

    const before = await queryRows(`SELECT * FROM ${service.schema}.detentions ORDER BY id`);
    expect((await call()('POST', '/v1/admin/retention-sweep', admin)).body.erased).toBe(0);
    expect(await queryRows(`SELECT * FROM ${service.schema}.detentions ORDER BY id`)).toEqual(before);
    expect(await queryRows(`SELECT count(*)::int AS n FROM ${service.schema}.audit_log WHERE action = 'erase'`)).toEqual([{ n: 1 }]);
  });

  it('exports everything held on one person and nothing on another, and audits the export', async () => {
    const person = detention('2027-08-31');
    const other = detention('2027-08-31');
    const id = await register(person);
    await register(other);
    const exported = await call()('GET', `/v1/admin/people/${person.personId}/export`, admin);
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({ service: 'release-calendar', personId: person.personId });
    expect(exported.body.tables.detentions).toEqual([expect.objectContaining({ id, last_name: 'Lefèvre', ecrou: person.ecrou })]);
    expect(exported.body.tables.audit_log.map((row: { action: string }) => row.action)).toEqual(['create', 'export']);
    expect(exported.body.tables.outbox.length).toBeGreaterThan(0);
    expect(JSON.stringify(exported.body)).not.toContain(other.personId);
    expect(JSON.stringify(exported.body)).not.toContain(other.ecrou);
  });

  it('lets only an administrator export or sweep, and refuses a person id that is not one', async () => {
    const personId = randomUUID();
    expect((await call()('GET', `/v1/admin/people/${personId}/export`, spip01)).status).toBe(403);
    expect((await call()('POST', '/v1/admin/retention-sweep', spip01)).status).toBe(403);
    expect((await call()('GET', '/v1/admin/people/not-a-uuid/export', admin)).status).toBe(400);
  });
});
