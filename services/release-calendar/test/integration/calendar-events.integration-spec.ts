import { randomUUID } from 'node:crypto';
import { mintDevToken } from '@passerelle/auth';
import { Topics } from '@passerelle/contracts';
import { expectEventually, queryRows, RunningService, startService, testKafka, TopicProbe } from '@passerelle/testing';
import { releaseCalendarService } from '../../src/release-calendar.definition';
import { ReleaseCalendarModule } from '../../src/release-calendar.module';

const spip = mintDevToken({ subject: 'cpip-13', roles: ['spip'], departements: ['13', '84'] });
const admin = mintDevToken({ subject: 'admin', roles: ['admin'], departements: [] });
const siao84 = mintDevToken({ subject: 'siao-84', roles: ['siao'], departements: ['84'] });

/** A JSON body as tests read it: fields checked by the assertions themselves. */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const short = (type: string | undefined) => type?.replace('release-calendar.', '').replace('.v1', '');

describe('release-calendar: the window and its milestones over real Kafka and PostgreSQL', () => {
  let service: RunningService;
  let probe: TopicProbe;

  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${service.url}${path}`, {
      method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const register = (overrides: Record<string, unknown> = {}, token = spip) => call('POST', '/v1/detentions', token, {
    personId: randomUUID(),
    identity: { lastName: 'Durand', firstNames: 'Léa', birthDate: '1988-02-29' },
    ecrou: randomUUID().slice(0, 12),
    establishmentCode: 'CP-MARSEILLE',
    establishmentName: 'Centre pénitentiaire de Marseille',
    spipDepartement: '13',
    incarcerationDate: '2025-01-10',
    expectedReleaseDate: '2027-03-31',
    expectedReleaseKind: 'end_of_sentence',
    ...overrides,
  });
  const sweep = () => call('POST', '/v1/admin/sweep', admin);
  const moveDate = (id: string, expectedReleaseDate: string, reason = 'reduction_de_peine') =>
    call('PUT', `/v1/detentions/${id}/release-date`, spip, { expectedReleaseDate, reason });
  const eventsOf = (personId: string) => probe.records.filter((r) => r.key === personId);
  /** Waits until exactly `types` have come out for the person, then checks nothing else did. */
  const expectEvents = async (personId: string, types: string[]) => {
    await expectEventually(() => expect(eventsOf(personId).map((r) => short(r.header('ce_type')))).toEqual(types));
  };

  beforeAll(async () => {
    service = await startService(ReleaseCalendarModule, releaseCalendarService);
    probe = await TopicProbe.start(testKafka(), [Topics.releaseCalendar]);
  });

  afterAll(async () => {
    await probe.stop();
    await service.close();
  });

  it('opens the window once when days pass, announces milestones in order after a gap, and closes and reopens it with the date', async () => {
    service.clock.set('2026-06-01T08:00:00+02:00');
    const created = await register();
    expect(created.status).toBe(201);
    const { id, personId } = created.body;
    await expectEvents(personId, ['detention.registered']);

    service.clock.set('2026-09-30T07:00:00+02:00');
    await sweep();
    await sweep();
    await expectEvents(personId, ['detention.registered', 'window.opened']);
    const opened = eventsOf(personId)[1].json<Json>();
    expect(opened).toMatchObject({ opensOn: '2026-09-30', urgent: false, identity: { lastName: 'Durand' }, destinationDepartement: '13' });

    service.clock.set('2027-03-02T07:00:00+01:00');
    await sweep();
    await expectEvents(personId, ['detention.registered', 'window.opened', 'release.approaching', 'release.approaching']);
    expect(eventsOf(personId).slice(2).map((r) => r.json<{ daysBefore: number }>().daysBefore)).toEqual([90, 30]);

    expect((await moveDate(id, '2027-12-31', 'new_conviction')).status).toBe(200);
    expect((await moveDate(id, '2027-03-31', 'correction')).status).toBe(200);
    await sweep();
    await expectEvents(personId, [
      'detention.registered', 'window.opened', 'release.approaching', 'release.approaching',
      'release-date.changed', 'window.closed',
      'release-date.changed', 'window.opened', 'release.approaching', 'release.approaching',
    ]);
    expect(eventsOf(personId)[4].json()).toMatchObject({ previousReleaseDate: '2027-03-31', expectedReleaseDate: '2027-12-31', reason: 'new_conviction' });
    const history = await queryRows(`SELECT previous_date::text, new_date::text, reason, source FROM ${service.schema}.release_date_changes WHERE detention_id = $1 ORDER BY id`, [id]);
    expect(history).toEqual([
      { previous_date: '2027-03-31', new_date: '2027-12-31', reason: 'new_conviction', source: 'cpip-13' },
      { previous_date: '2027-12-31', new_date: '2027-03-31', reason: 'correction', source: 'cpip-13' },
    ]);
  });

  it('opens an urgent window at registration for a short sentence that starts inside it', async () => {
    service.clock.set('2026-11-23T10:00:00+01:00');
    const { body } = await register({ incarcerationDate: '2026-11-20', expectedReleaseDate: '2027-01-20' });
    await expectEvents(body.personId, ['detention.registered', 'window.opened', 'lsc.review-due', 'release.approaching']);
    expect(eventsOf(body.personId)[1].json()).toMatchObject({ urgent: true });
  });

  it('never announces a milestone twice when two sweeps run at once', async () => {
    service.clock.set('2026-01-05T10:00:00+01:00');
    const people = await Promise.all(Array.from({ length: 40 }, () => register({ expectedReleaseDate: '2026-12-31', incarcerationDate: '2024-01-01' })));
    service.clock.set('2026-12-30T07:00:00+01:00');
    const [first, second] = await Promise.all([sweep(), sweep()]);
    expect(first.status).toBe(200);
    expect(first.body.events + second.body.events).toBeGreaterThanOrEqual(40 * 5);
    for (const { body } of people) {
      await expectEvents(body.personId, ['detention.registered', 'window.opened', 'release.approaching', 'release.approaching', 'release.approaching', 'release.approaching']);
    }
  });

  it('follows the destination département’s settings, and refuses bad settings and dates', async () => {
    expect((await call('PUT', '/v1/departements/84/settings', siao84, { windowMonths: 3, milestoneDays: [30] })).status).toBe(200);
    expect((await call('GET', '/v1/departements/84/settings', spip, undefined)).body).toEqual({ windowMonths: 3, milestoneDays: [30] });
    service.clock.set('2026-11-23T10:00:00+01:00');
    const { body } = await register({ spipDepartement: '13', destinationDepartement: '84', expectedReleaseDate: '2027-04-30' });
    await expectEvents(body.personId, ['detention.registered']);
    service.clock.set('2027-01-30T10:00:00+01:00');
    await sweep();
    await expectEvents(body.personId, ['detention.registered', 'window.opened']);

    const badSettings = await call('PUT', '/v1/departements/84/settings', siao84, { windowMonths: 0, milestoneDays: [30] });
    expect(badSettings.status).toBe(422);
    expect(badSettings.body.violations[0]).toMatchObject({ field: 'windowMonths' });
    expect((await call('PUT', '/v1/departements/20/settings', admin, { windowMonths: 6, milestoneDays: [30] })).status).toBe(400);
    expect((await call('PUT', '/v1/departements/13/settings', siao84, { windowMonths: 6, milestoneDays: [30] })).status).toBe(403);
    expect((await moveDate(body.id, '2020-01-01')).status).toBe(422);
    expect((await moveDate(body.id, '2027-04-30')).status).toBe(422);
    expect((await call('PUT', `/v1/detentions/${body.id}/release-date`, spip, { expectedReleaseDate: '2027-05-01', reason: 'whim' })).status).toBe(400);
    expect((await moveDate(randomUUID(), '2027-05-01')).status).toBe(404);
    expect((await call('POST', '/v1/admin/sweep', spip)).status).toBe(403);
  });

  it('moves the case with a transfer, ends the calendar with a release, and refuses what no longer applies', async () => {
    service.clock.set('2026-11-23T10:00:00+01:00');
    const { body } = await register();
    const other = await register({ establishmentCode: 'CP-AVIGNON' });
    const transfer = (ecrou: string) => call('POST', `/v1/detentions/${body.id}/transfer`, spip, {
      establishmentCode: 'CP-AVIGNON', establishmentName: 'Centre pénitentiaire d’Avignon-Le Pontet', ecrou, spipDepartement: '84',
    });
    const duplicate = await transfer(other.body.ecrou);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.violations[0]).toMatchObject({ field: 'ecrou' });
    const moved = await transfer(randomUUID().slice(0, 12));
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ spipDepartement: '84', establishmentCode: 'CP-AVIGNON', status: 'incarcerated' });

    const spip13 = mintDevToken({ subject: 'cpip-13', roles: ['spip'], departements: ['13'] });
    expect((await call('GET', `/v1/detentions/${body.id}`, spip13)).status).toBe(403);
    expect((await call('POST', `/v1/detentions/${body.id}/release`, spip, { releasedOn: '2026-12-01', releaseKind: 'lsc' })).status).toBe(422);
    const released = await call('POST', `/v1/detentions/${body.id}/release`, spip, { releasedOn: '2026-11-23', releaseKind: 'lsc' });
    expect(released.body).toMatchObject({ status: 'released' });
    expect((await moveDate(body.id, '2027-06-30')).status).toBe(409);
    expect((await call('POST', `/v1/detentions/${body.id}/release`, spip, { releasedOn: '2026-11-23', releaseKind: 'lsc' })).status).toBe(409);

    service.clock.set('2027-03-30T10:00:00+02:00');
    await sweep();
    await expectEvents(body.personId, ['detention.registered', 'window.opened', 'person.transferred', 'person.released']);
    expect(eventsOf(body.personId)[2].json()).toMatchObject({
      fromEstablishmentCode: 'CP-MARSEILLE', toEstablishmentCode: 'CP-AVIGNON', previousSpipDepartement: '13', spipDepartement: '84',
    });
    expect(eventsOf(body.personId)[3].json()).toMatchObject({ releasedOn: '2026-11-23', releaseKind: 'lsc' });
  });

  it('records a report of many releases in one call: each recorded, already recorded or refused with its reason; sent again, it changes nothing', async () => {
    service.clock.set('2026-11-23T10:00:00+01:00');
    const [first, second, future] = await Promise.all([register(), register({ spipDepartement: '84' }), register()]);
    const elsewhere = await register({ spipDepartement: '75' }, admin);
    const report = {
      releases: [
        { detentionId: first.body.id, releasedOn: '2026-11-23', releaseKind: 'end_of_sentence' },
        { detentionId: second.body.id, releasedOn: '2026-11-22', releaseKind: 'lsc' },
        { detentionId: randomUUID(), releasedOn: '2026-11-23', releaseKind: 'lsc' },
        { detentionId: elsewhere.body.id, releasedOn: '2026-11-23', releaseKind: 'lsc' },
        { detentionId: future.body.id, releasedOn: '2026-11-24', releaseKind: 'lsc' },
        { detentionId: first.body.id, releasedOn: '2026-11-23', releaseKind: 'end_of_sentence' },
      ],
    };
    const rejected = [
      { index: 2, reason: 'detentionId: not found' },
      { index: 3, reason: 'detentionId: not allowed for département 75' },
      { index: 4, reason: expect.stringMatching(/^releasedOn: .*after today/) },
    ];
    const answer = await call('POST', '/v1/releases', spip, report);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ released: 2, unchanged: 1, rejected: rejected.map((r) => expect.objectContaining(r)) });
    expect(answer.body.rejected).toHaveLength(3);
    // Whether a window opened at registration depends on the département's settings, changed by another test: only the releases are checked.
    const releasesOf = (personId: string) => eventsOf(personId).filter((r) => short(r.header('ce_type')) === 'person.released');
    await expectEventually(() => expect([releasesOf(first.body.personId).length, releasesOf(second.body.personId).length]).toEqual([1, 1]));
    expect(releasesOf(second.body.personId)[0].json()).toMatchObject({ releasedOn: '2026-11-22', releaseKind: 'lsc' });
    expect((await call('GET', `/v1/detentions/${future.body.id}`, spip)).body).toMatchObject({ status: 'incarcerated' });

    const again = await call('POST', '/v1/releases', spip, report);
    expect(again.body).toMatchObject({ released: 0, unchanged: 3, rejected: rejected.map((r) => expect.objectContaining(r)) });
    const released = await queryRows(`SELECT partition_key FROM ${service.schema}.outbox WHERE type = 'release-calendar.person.released.v1' AND partition_key = ANY($1)`,
      [[first.body.personId, second.body.personId, future.body.personId, elsewhere.body.personId]]);
    expect(released).toHaveLength(2);
    const audited = await queryRows(`SELECT resource_id FROM ${service.schema}.audit_log WHERE action = 'update' AND resource_id = ANY($1)`, [[first.body.id, second.body.id]]);
    expect(audited).toHaveLength(2);
  });

  it('refuses a malformed release report as a whole, naming the field', async () => {
    const empty = await call('POST', '/v1/releases', spip, { releases: [] });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body.violations)).toMatch(/releases/);
    const badKind = await call('POST', '/v1/releases', spip, { releases: [{ detentionId: randomUUID(), releasedOn: '2026-11-23', releaseKind: 'evasion' }] });
    expect(badKind.status).toBe(400);
    expect(JSON.stringify(badKind.body.violations)).toMatch(/releaseKind/);
    expect((await call('POST', '/v1/releases', siao84, { releases: [{ detentionId: randomUUID(), releasedOn: '2026-11-23', releaseKind: 'lsc' }] })).status).toBe(403);
  });

  it('lists a territory’s detentions by release date, page by page, without the calendar’s bookkeeping', async () => {
    service.clock.set('2026-11-23T10:00:00+01:00');
    for (const date of ['2030-05-03', '2030-05-01', '2030-05-02']) await register({ spipDepartement: '84', expectedReleaseDate: date });
    const query = '/v1/detentions?departement=84&releaseFrom=2030-05-01&releaseTo=2030-05-31&pageSize=2';
    const first = await call('GET', `${query}&page=1`, spip);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(first.body.items.map((d: Json) => d.expectedReleaseDate)).toEqual(['2030-05-01', '2030-05-02']);
    expect(first.body.items[0]).not.toHaveProperty('progress');
    expect((await call('GET', `${query}&page=2`, spip)).body.items.map((d: Json) => d.expectedReleaseDate)).toEqual(['2030-05-03']);
    expect((await call('GET', '/v1/detentions?departement=75', spip)).status).toBe(403);
    expect((await call('GET', '/v1/detentions?pageSize=1000', spip)).status).toBe(400);
  });
});
