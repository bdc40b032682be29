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
  const register = (overrides: Record<string, unknown> = {}) => call('POST', '/v1/detentions', spip, {
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
