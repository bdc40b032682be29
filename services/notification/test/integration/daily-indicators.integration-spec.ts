import { randomInt, randomUUID } from 'node:crypto';
import { mintDevToken } from '@passerelle/auth';
import { detentionRegisteredV1, DetentionRegisteredV1 } from '@passerelle/contracts';
import { CloudEvent, DLQ_HEADERS } from '@passerelle/messaging';
import { cloudEventOf, ConsumerUnderTest, expectEventually, RunningService, startConsumerUnderTest, TopicProbe } from '@passerelle/testing';
import { notificationService } from '../../src/notification.definition';
import { NotificationModule } from '../../src/notification.module';

const prefecture94 = mintDevToken({ subject: 'pref-94', roles: ['prefecture'], departements: ['94'] });
const prefecture75 = mintDevToken({ subject: 'pref-75', roles: ['prefecture'], departements: ['75'] });

/**
 * The shared topic carries every other test's registrations too, mostly "today" in 94: each
 * test counts on a random day of its own, far from today.
 */
function ownDay(): string {
  return new Date(Date.UTC(1950, 0, 1) + randomInt(0, 36_500) * 86_400_000).toISOString().slice(0, 10);
}

function registration(day: string, overrides: Partial<DetentionRegisteredV1> = {}): DetentionRegisteredV1 {
  return {
    detentionId: randomUUID(),
    personId: randomUUID(),
    establishmentCode: 'MA-FRESNES',
    spipDepartement: '94',
    destinationDepartement: '94',
    expectedReleaseDate: '2027-05-31',
    expectedReleaseKind: 'end_of_sentence',
    registeredAt: `${day}T10:00:00.000Z`,
    ...overrides,
  };
}

/** The CloudEvent release-calendar's relay would publish for this payload. */
const eventOf = (data: DetentionRegisteredV1, id?: string) => cloudEventOf(detentionRegisteredV1, data, id);

describe('notification: daily préfecture indicators from registered detentions', () => {
  let service: RunningService;
  let dlq: TopicProbe;
  let harness: ConsumerUnderTest<DetentionRegisteredV1>;
  const publish = (...events: CloudEvent<DetentionRegisteredV1>[]) => harness.publish(...events);
  const indicators = (query: Record<string, string>, token = prefecture94) =>
    fetch(`${service.url}/v1/indicators?${new URLSearchParams(query)}`, { headers: { authorization: `Bearer ${token}` } });
  const admin = mintDevToken({ subject: 'admin', roles: ['admin'], departements: [] });
  const figures = async (departement: string, day: string) => {
    const response = await indicators({ departement, from: day, to: day }, admin);
    expect(response.status).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    harness = await startConsumerUnderTest(NotificationModule, notificationService, detentionRegisteredV1);
    ({ service, deadLetters: dlq } = harness);
  });

  afterAll(() => harness.close());

  it('counts registrations per destination département and Paris day, once per event, figures only', async () => {
    const day = ownDay();
    const first94 = registration(day);
    const second94 = registration(day, { spipDepartement: '75' });
    // Same person, so the same partition: once the 75 registration is counted, the duplicate before it was handled.
    const in75 = registration(day, { personId: second94.personId, destinationDepartement: '75' });
    const duplicated = eventOf(second94);
    await publish(eventOf(first94), duplicated, duplicated, eventOf(in75));

    await expectEventually(async () => expect(await figures('75', day)).toEqual([expect.objectContaining({ departement: '75', day, detentionsRegistered: 1 })]));
    await expectEventually(async () => expect(await figures('94', day)).toEqual([expect.objectContaining({ departement: '94', day, detentionsRegistered: 2 })]));

    const response = await indicators({ departement: '94', from: day, to: day });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual([expect.objectContaining({ departement: '94', day, detentionsRegistered: 2 })]);
    expect(body).not.toContain(first94.personId);
  });

  it('counts a registration late in the evening UTC on the next Paris day', async () => {
    const day = ownDay();
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const late = registration(day, { destinationDepartement: '2A', registeredAt: `${day}T23:30:00.000Z` });
    await publish(eventOf(late));
    await expectEventually(async () =>
      expect((await (await indicators({ departement: '2A', from: day, to: next }, admin)).json() as { day: string; detentionsRegistered: number }[])
        .map((figures) => [figures.day, figures.detentionsRegistered])).toEqual([[day, 0], [next, 1]]));
  });

  it('sends an invalid payload to the DLQ and counts the next record of the same person', async () => {
    const day = ownDay();
    const valid = registration(day, { destinationDepartement: '13' });
    const invalid = eventOf({ ...registration(day, { personId: valid.personId, destinationDepartement: '13' }), registeredAt: 'yesterday' });
    await publish(invalid, eventOf(valid));
    const dead = await expectEventually(() => {
      const found = dlq.records.find((record) => record.header('ce_id') === invalid.id);
      expect(found).toBeDefined();
      return found!;
    });
    expect(dead.header(DLQ_HEADERS.error)).toContain('registeredAt');
    await expectEventually(async () => expect(await figures('13', day)).toEqual([expect.objectContaining({ departement: '13', day, detentionsRegistered: 1 })]));
  });

  it('answers 400 to a bad département, date or period, naming the field', async () => {
    const bad = await indicators({ departement: '20', from: '2026-11-01', to: '2026-11-30' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { violations: unknown[] }).violations).toEqual([expect.objectContaining({ field: 'departement', rule: 'isDepartementCode' })]);
    const badDate = await indicators({ departement: '94', from: '2026-02-30', to: '2026-11-30' });
    expect(((await badDate.json()) as { violations: unknown[] }).violations).toEqual([expect.objectContaining({ field: 'from', rule: 'isCalendarDate' })]);
    expect((await indicators({ departement: '94', from: '2026-11-30', to: '2026-11-01' })).status).toBe(400);
    expect((await indicators({ departement: '94', from: '2026-11-30' })).status).toBe(400);
  });

  it('answers 403 to a préfecture of another département and to a SPIP, 401 without a token', async () => {
    const query = { departement: '94', from: '2026-11-01', to: '2026-11-30' };
    expect((await indicators(query, prefecture75)).status).toBe(403);
    expect((await indicators(query, mintDevToken({ subject: 'cpip-94', roles: ['spip'], departements: ['94'] }))).status).toBe(403);
    expect((await fetch(`${service.url}/v1/indicators?${new URLSearchParams(query)}`)).status).toBe(401);
    expect((await indicators(query)).status).toBe(200);
  });
});
