import { randomUUID } from 'node:crypto';
import { mintDevToken } from '@passerelle/auth';
import { Topics } from '@passerelle/contracts';
import { expectEventually, queryRows, RunningService, startService, testKafka, TopicProbe } from '@passerelle/testing';
import { releaseCalendarService } from '../../src/release-calendar.definition';
import { ReleaseCalendarModule } from '../../src/release-calendar.module';

const spip = mintDevToken({ subject: 'greffe-import', roles: ['spip'], departements: ['69'] });
const HEADER = 'ecrou;establishment_code;establishment_name;last_name;first_names;birth_date;spip_departement;destination_departement;incarceration_date;expected_release_date;expected_release_kind';

describe('release-calendar: importing a prison registry export', () => {
  let service: RunningService;
  let probe: TopicProbe;
  const establishment = `MA-${randomUUID().slice(0, 8)}`;
  const row = (ecrou: string, release: string, overrides: Partial<Record<'spip' | 'birth', string>> = {}) =>
    [ecrou, establishment, '"Maison d\'arrêt de Lyon; Corbas"', 'Benali', 'Karim', overrides.birth ?? '1991-07-14', overrides.spip ?? '69', '', '2025-03-01', release, 'end_of_sentence'].join(';');
  const importCsv = async (lines: string[], token = spip) => {
    const response = await fetch(`${service.url}/v1/imports`, {
      method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` }, body: [HEADER, ...lines].join('\n'),
    });
    return { status: response.status, body: (await response.json()) as { created: number; updated: number; unchanged: number; rejected: { line: number; reason: string }[] } };
  };
  const eventTypes = async () => {
    const people = await queryRows<{ person_id: string }>(`SELECT person_id FROM ${service.schema}.detentions WHERE establishment_code = $1`, [establishment]);
    const ids = new Set(people.map((p) => p.person_id));
    return probe.records.filter((r) => ids.has(r.key)).map((r) => r.header('ce_type')!.replace('release-calendar.', '').replace('.v1', '')).sort();
  };

  beforeAll(async () => {
    service = await startService(ReleaseCalendarModule, releaseCalendarService);
    probe = await TopicProbe.start(testKafka(), [Topics.releaseCalendar]);
    service.clock.set('2026-11-23T10:00:00+01:00');
  });

  afterAll(async () => {
    await probe.stop();
    await service.close();
  });

  it('imports the good rows, rejects the bad ones with their reason, and stays silent when run again', async () => {
    const file = [
      row('1001', '2027-12-31'),
      row('1002', '2027-03-31'),
      row('1003', '2027-02-30'),
      row('1004', '2027-12-31', { spip: '75' }),
      row('1001', '2028-01-31'),
      'too;few;columns',
      row('1005', '2027-12-31', { birth: 'yesterday' }),
    ];
    const first = await importCsv(file);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(first.body.rejected.map((r) => r.line)).toEqual([4, 5, 6, 7, 8]);
    expect(first.body.rejected[0].reason).toMatch(/expected_release_date/);
    expect(first.body.rejected[1].reason).toMatch(/not allowed for département 75/);
    expect(first.body.rejected[2].reason).toMatch(/same establishment and écrou as line 2/);
    expect(first.body.rejected[4].reason).toMatch(/birth_date/);
    await expectEventually(async () => expect(await eventTypes()).toEqual(['detention.registered', 'detention.registered', 'window.opened']));

    const again = await importCsv(file);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

    const moved = await importCsv([row('1001', '2027-12-31'), row('1002', '2027-08-31')]);
    expect(moved.body).toMatchObject({ created: 0, updated: 1, unchanged: 1, rejected: [] });
    await expectEventually(async () => expect(await eventTypes()).toEqual(
      ['detention.registered', 'detention.registered', 'release-date.changed', 'window.closed', 'window.opened'],
    ));
  });

  it('refuses a file without the needed columns, or no file at all', async () => {
    const response = await fetch(`${service.url}/v1/imports`, {
      method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${spip}` }, body: 'ecrou;name\n1;x',
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/missing columns: establishment_code/);
    const empty = await fetch(`${service.url}/v1/imports`, { method: 'POST', headers: { authorization: `Bearer ${spip}` } });
    expect(empty.status).toBe(400);
  });
});
