import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { mintDevToken } from '@passerelle/auth';
import {
  capacityChangedV1, DetentionRef, detentionRegisteredV1, EventDescriptor, outlookChangedV1, OutlookChangedV1, personReleasedV1, placementCancelledV1,
  placementConfirmedV1, releaseDateChangedV1, Topics,
} from '@passerelle/contracts';
import { addDays } from '@passerelle/domain-kernel';
import { parisDate } from '@passerelle/service-kit';
import { cloudEventOf, expectEventually, jsonClient, publishEvents, queryRows, RunningService, startService, testKafka, TopicProbe } from '@passerelle/testing';
import { notificationService } from '../../src/notification.definition';
import { NotificationModule } from '../../src/notification.module';

// The service catches up with every topic from the start while the other test files fill them.
jest.setTimeout(700_000);

/**
 * Corrèze (19): no other test file publishes events about it. The weeks are those of the real
 * today: a clock moved years ahead would make the daily figures' publisher compute every day up
 * to it. So each run takes its people and places out of the weeks when it ends.
 */
const D = '19';
const prefecture = mintDevToken({ subject: 'pref-19', roles: ['prefecture'], departements: [D] });
const admin = mintDevToken({ subject: 'admin', roles: ['admin'], departements: [] });

const TODAY = parisDate(new Date());
const MONDAY = addDays(TODAY, -((new Date(`${TODAY}T00:00:00Z`).getUTCDay() + 6) % 7));
/** Day `weekday` (0 Monday … 6 Sunday) of outlook week `week`. */
const dayOf = (week: number, weekday: number) => addDays(MONDAY, 7 * week + weekday);

function aPerson(expectedReleaseDate: string) {
  const detention: DetentionRef = { detentionId: randomUUID(), personId: randomUUID(), spipDepartement: D, destinationDepartement: D, expectedReleaseDate };
  const request = { requestId: randomUUID(), referralId: randomUUID(), personId: detention.personId, siaoDepartement: D };
  return { detention, request, placementId: randomUUID() };
}

type Figures = [releasesExpected: number, releasesWithoutPlacement: number, reservedPlacesFree: number, gap: number];
const figuresOf = (outlook: OutlookChangedV1): Figures[] =>
  outlook.weeks.map((week) => [week.releasesExpected, week.releasesWithoutPlacement, week.reservedPlacesFree, week.gap]);

describe('notification: the préfecture\'s 12-week outlook', () => {
  let service: RunningService;
  let producer: Producer;
  let probe: TopicProbe;
  const structure = randomUUID();
  const [a, b, c, d, e] = [aPerson(dayOf(0, 4)), aPerson(dayOf(3, 1)), aPerson(dayOf(2, 3)), aPerson(dayOf(0, 3)), aPerson(dayOf(4, 0))];
  const everyone = [a, b, c, d, e];

  const publish = <T extends object>(descriptor: EventDescriptor<T>, data: T) => publishEvents(producer, descriptor, cloudEventOf(descriptor, data));
  const register = (p: ReturnType<typeof aPerson>) => publish(detentionRegisteredV1, {
    ...p.detention, establishmentCode: 'CD-UZERCHE', expectedReleaseKind: 'end_of_sentence' as const, registeredAt: `${TODAY}T09:00:00.000Z`,
  });
  const confirm = (p: ReturnType<typeof aPerson>, entryDate: string) => publish(placementConfirmedV1, {
    ...p.request, placementId: p.placementId, structureId: structure, structureType: 'chrs' as const, entryDate,
  });
  const outlook = async (token = prefecture, departement = D) => jsonClient(service.url)('GET', `/v1/indicators/outlook?departement=${departement}`, token);
  const published = async () => (await service.recordsPublished(probe))
    .filter((record) => record.key === D && record.header('ce_type') === outlookChangedV1.type)
    .map((record) => ({ value: record.value, outlook: record.json<OutlookChangedV1>() }));

  beforeAll(async () => {
    service = await startService(NotificationModule, notificationService);
    service.clock.set(`${TODAY}T10:00:00.000Z`);
    producer = testKafka().producer();
    await producer.connect();
    probe = await TopicProbe.start(testKafka(), [Topics.prefectureIndicators]);
  });

  afterAll(async () => {
    // A later run within twelve weeks must find neither these releases nor the structure's places.
    for (const p of [a, b, c, e]) {
      await publish(releaseDateChangedV1, {
        ...p.detention, expectedReleaseDate: '2000-01-03', previousReleaseDate: p.detention.expectedReleaseDate, reason: 'correction' as const, changedAt: new Date().toISOString(),
      });
    }
    await publish(capacityChangedV1, {
      structureId: structure, siaoDepartement: D, structureType: 'chrs', reason: 'capacity_updated', asOf: TODAY, capacity: 0, reservedJusticePlaces: 0,
      volantePlaces: 0, outOfService: 0, occupied: 0, occupiedJustice: 0, free: 0, freeJustice: 0,
    });
    await probe.stop();
    await producer.disconnect();
    await service.close();
  });

  it('counts the releases of each week, those without placement and the reserved places free, and publishes the outlook', async () => {
    await publish(capacityChangedV1, {
      structureId: structure, siaoDepartement: D, structureType: 'chrs', reason: 'registered', asOf: TODAY, capacity: 10, reservedJusticePlaces: 3,
      volantePlaces: 0, outOfService: 0, occupied: 1, occupiedJustice: 1, free: 9, freeJustice: 2,
    });
    for (const p of everyone) await register(p);
    // E's place is booked from the Monday of week 4: from then on the structure has one reserved place left.
    await confirm(e, dayOf(4, 0));

    const expected: Figures[] = [[2, 2, 2, 0], [0, 0, 2, -2], [1, 1, 2, -1], [1, 1, 2, -1], [1, 0, 1, -1], ...Array(7).fill([0, 0, 1, -1])];
    const answer = await expectEventually(async () => {
      const response = await outlook();
      expect(response.status).toBe(200);
      expect(figuresOf(response.body as OutlookChangedV1)).toEqual(expected);
      return response.body as OutlookChangedV1;
    }, { timeoutMs: 600_000 });
    expect(answer.departement).toBe(D);
    expect(answer.asOf).toBe(TODAY);
    expect(answer.weeks[0]).toMatchObject({ weekStart: MONDAY, weekEnd: dayOf(0, 6) });
    expect(answer.weeks[11]).toMatchObject({ weekStart: dayOf(11, 0), weekEnd: dayOf(11, 6) });

    await expectEventually(async () => expect((await published()).map(({ outlook }) => outlook).pop()).toEqual(answer));
  });

  it('follows a confirmed placement, a moved release date, a release and a cancelled placement, live and on the topic', async () => {
    const stream = await fetch(`${service.url}/v1/indicators/stream?departement=${D}`, { headers: { authorization: `Bearer ${prefecture}`, accept: 'text/event-stream' } });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    let text = '';
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += new TextDecoder().decode(value);
      }
    })();

    await confirm(b, dayOf(3, 1));
    await publish(releaseDateChangedV1, {
      ...c.detention, expectedReleaseDate: dayOf(5, 2), previousReleaseDate: c.detention.expectedReleaseDate, reason: 'reduction_de_peine' as const, changedAt: `${TODAY}T09:30:00.000Z`,
    });
    await publish(personReleasedV1, { ...d.detention, releasedOn: TODAY, releaseKind: 'end_of_sentence' as const });
    await publish(placementCancelledV1, { ...e.request, placementId: e.placementId, structureId: structure, reason: 'request_withdrawn' });

    // B placed and their place booked in week 3; C moved from week 2 to week 5; D out; E's place given back.
    const expected: Figures[] = [[1, 1, 2, -1], [0, 0, 2, -2], [0, 0, 2, -2], [1, 0, 1, -1], [1, 1, 1, 0], [1, 1, 1, 0], ...Array(6).fill([0, 0, 1, -1])];
    const answer = await expectEventually(async () => {
      const response = await outlook(admin);
      expect(figuresOf(response.body as OutlookChangedV1)).toEqual(expected);
      return response.body as OutlookChangedV1;
    }, { timeoutMs: 120_000 });

    const records = await expectEventually(async () => {
      const mine = await published();
      expect(mine.map(({ outlook }) => outlook).pop()).toEqual(answer);
      return mine;
    });
    expect(records.every(({ value }) => everyone.every((p) => !value.includes(p.detention.personId) && !value.includes(p.detention.detentionId)))).toBe(true);

    await expectEventually(() => expect(text).toContain(`event: outlook\nid: ${D}/outlook/${TODAY}\ndata: ${JSON.stringify(answer)}`));
    await reader.cancel();
    await reading;
  });

  it('moves the weeks on when the Paris day reaches the next Monday, with no new event', async () => {
    // Sunday 23:30 UTC is already Monday in Paris, summer or winter.
    service.clock.set(`${dayOf(0, 6)}T23:30:00.000Z`);
    const nextMonday = dayOf(1, 0);
    const moved = await expectEventually(async () => {
      const latest = (await published()).map(({ outlook }) => outlook).pop();
      expect(latest?.asOf).toBe(nextMonday);
      return latest!;
    });
    expect(moved.weeks[0]).toMatchObject({ weekStart: nextMonday, weekEnd: dayOf(1, 6) });
    expect(figuresOf(moved)).toEqual([[0, 0, 2, -2], [0, 0, 2, -2], [1, 0, 1, -1], [1, 1, 1, 0], [1, 1, 1, 0], ...Array(7).fill([0, 0, 1, -1])]);
    expect((await outlook()).body).toEqual(moved);
  });

  it('never takes its own topic\'s events as input', async () => {
    const rows = await queryRows<{ count: string }>(`SELECT count(*) FROM "${service.schema}".inbox WHERE topic = $1`, [Topics.prefectureIndicators]);
    expect(Number(rows[0].count)).toBe(0);
  });

  it('answers 400 naming the field, 403 outside the territory or to another role, 401 without a token', async () => {
    const bad = await outlook(prefecture, '20');
    expect(bad.status).toBe(400);
    expect((bad.body as { violations: unknown[] }).violations).toEqual([expect.objectContaining({ field: 'departement', rule: 'isDepartementCode' })]);
    const missing = await jsonClient(service.url)('GET', '/v1/indicators/outlook', prefecture);
    expect((missing.body as { violations: unknown[] }).violations).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'departement' })]));
    const unknown = await jsonClient(service.url)('GET', `/v1/indicators/outlook?departement=${D}&week=1`, prefecture);
    expect(unknown.status).toBe(400);
    expect((await outlook(mintDevToken({ subject: 'pref-87', roles: ['prefecture'], departements: ['87'] }))).status).toBe(403);
    expect((await outlook(mintDevToken({ subject: 'siao-19', roles: ['siao'], departements: [D] }))).status).toBe(403);
    expect((await fetch(`${service.url}/v1/indicators/outlook?departement=${D}`)).status).toBe(401);
  });

  it('is documented in the OpenAPI document with the roles it admits', async () => {
    const document = (await (await fetch(`${service.url}/docs-json`)).json()) as { paths: Record<string, { get?: Record<string, unknown> }> };
    const operation = document.paths['/v1/indicators/outlook']?.get;
    expect(operation?.['x-roles']).toEqual(['prefecture', 'admin']);
    expect(JSON.stringify(operation)).toContain('OutlookResponse');
  });
});
