import { randomUUID } from 'node:crypto';
import { mintDevToken } from '@passerelle/auth';
import { detentionRegisteredV1, Topics } from '@passerelle/contracts';
import { expectEventually, RunningService, startService, testKafka, queryRows, TopicProbe } from '@passerelle/testing';
import { releaseCalendarService } from '../../src/release-calendar.definition';
import { ReleaseCalendarModule } from '../../src/release-calendar.module';

const spip94 = mintDevToken({ subject: 'cpip-94', roles: ['spip'], departements: ['94'] });

function detention(overrides: Record<string, unknown> = {}) {
  return {
    personId: randomUUID(),
    identity: { lastName: 'Martin', firstNames: 'Paul', birthDate: '1990-04-12' },
    ecrou: String(Math.floor(Math.random() * 1e9)),
    establishmentCode: 'MA-FRESNES',
    establishmentName: 'Maison d’arrêt de Fresnes',
    spipDepartement: '94',
    incarcerationDate: '2026-01-10',
    expectedReleaseDate: '2027-05-31',
    expectedReleaseKind: 'end_of_sentence',
    ...overrides,
  };
}

describe('release-calendar: registering a detention', () => {
  let service: RunningService;
  let probe: TopicProbe;
  const post = (body: unknown, token = spip94, correlationId?: string) =>
    fetch(`${service.url}/v1/detentions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(correlationId ? { 'x-correlation-id': correlationId } : {}) },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    service = await startService(ReleaseCalendarModule, releaseCalendarService);
    probe = await TopicProbe.start(testKafka(), [Topics.releaseCalendar]);
  });

  afterAll(async () => {
    await probe.stop();
    await service.close();
  });

  it('stores the detention and publishes detention.registered keyed by the person, with the request’s correlation id', async () => {
    const body = detention();
    const correlationId = `test-${randomUUID()}`;
    const response = await post(body, spip94, correlationId);
    expect(response.status).toBe(201);
    expect(response.headers.get('x-correlation-id')).toBe(correlationId);
    const created = (await response.json()) as { id: string };
    expect(created).toMatchObject({ personId: body.personId, destinationDepartement: '94', status: 'incarcerated' });

    const record = await expectEventually(() => {
      const found = probe.ofType(detentionRegisteredV1.type).find((r) => r.key === body.personId);
      expect(found).toBeDefined();
      return found!;
    });
    expect(record.header('ce_correlationid')).toBe(correlationId);
    expect(record.json()).toMatchObject({ detentionId: created.id, expectedReleaseDate: '2027-05-31' });
    expect(record.value).not.toContain('Martin');
  });

  it('answers 400 naming the field and the rule, and stores nothing', async () => {
    const body = detention({ spipDepartement: '20', expectedReleaseDate: '2027-02-30', unexpected: true });
    const response = await post(body);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { violations: unknown[] };
    expect(problem.violations).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'spipDepartement', rule: 'isDepartementCode' }),
      expect.objectContaining({ field: 'expectedReleaseDate', rule: 'isCalendarDate' }),
      expect.objectContaining({ field: 'unexpected', rule: 'whitelistValidation' }),
    ]));
  });

  it('answers 422 for a release before incarceration and 409 for a duplicate écrou', async () => {
    expect((await post(detention({ expectedReleaseDate: '2025-01-01' }))).status).toBe(422);
    const body = detention();
    expect((await post(body)).status).toBe(201);
    const duplicate = await post({ ...body, personId: randomUUID() });
    expect(duplicate.status).toBe(409);
    expect(((await duplicate.json()) as { violations: unknown[] }).violations[0]).toMatchObject({ field: 'ecrou', rule: 'uniquePerEstablishment' });
  });

  it('refuses a missing token, a wrong role and another département, and audits each read', async () => {
    const body = detention();
    expect((await fetch(`${service.url}/v1/detentions`, { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await post(body, mintDevToken({ subject: 'p', roles: ['prefecture'], departements: ['94'] }))).status).toBe(403);
    expect((await post(body, mintDevToken({ subject: 's', roles: ['spip'], departements: ['75'] }))).status).toBe(403);

    const created = (await (await post(body)).json()) as { id: string };
    const read = await fetch(`${service.url}/v1/detentions/${created.id}`, { headers: { authorization: `Bearer ${spip94}` } });
    expect(read.status).toBe(200);
    const rows = await queryRows(`SELECT actor, action FROM ${service.schema}.audit_log WHERE person_id = $1 ORDER BY id`, [body.personId]);
    expect(rows).toEqual([{ actor: 'cpip-94', action: 'create' }, { actor: 'cpip-94', action: 'read' }]);
  });

  it('serves /health, /metrics and /docs without a token', async () => {
    const health = await fetch(`${service.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, kafka: { status: 'up' } } });
    expect(await (await fetch(`${service.url}/metrics`)).text()).toContain('passerelle_http_request_duration_seconds');
    expect((await fetch(`${service.url}/docs`)).status).toBe(200);
  });
});
