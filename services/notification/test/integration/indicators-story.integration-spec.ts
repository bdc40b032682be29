import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { mintDevToken } from '@passerelle/auth';
import { toKafkaMessage } from '@passerelle/messaging';
import {
  alertEscalatedV1, alertRaisedV1, alertResolvedV1, capacityChangedV1, detentionRegisteredV1, EventDescriptor, orientationDecidedV1, personEnteredV1,
  placementConfirmedV1, requestOpenedV1, requestSubmittedV1, RequestSubmittedV1, sortieSecheRecordedV1, Topics, windowClosedV1, windowOpenedV1,
} from '@passerelle/contracts';
import { cloudEventOf, expectEventually, jsonClient, publishEvents, RunningService, startService, testKafka, TopicProbe } from '@passerelle/testing';
import { notificationService } from '../../src/notification.definition';
import { NotificationModule } from '../../src/notification.module';

// The service catches up with every topic from the start while the other test files fill them.
jest.setTimeout(150_000);

/**
 * Martinique (972): no other test file publishes events about it. Each run plays the story in a
 * year of its own and closes every stock it opened, so earlier runs on the same broker change
 * none of its days.
 */
const D = '972';
const YEAR = String(2100 + Math.floor(Math.random() * 800));
const day = (monthDay: string) => `${YEAR}-${monthDay}`;
const prefecture = mintDevToken({ subject: 'pref-972', roles: ['prefecture'], departements: [D] });

type Person = ReturnType<typeof aPerson>;

function aPerson() {
  const detention = { detentionId: randomUUID(), personId: randomUUID(), spipDepartement: D, destinationDepartement: D, expectedReleaseDate: '2026-11-05' };
  const referral = { referralId: randomUUID(), personId: detention.personId, detentionId: detention.detentionId, spipDepartement: D, siaoDepartement: D, expectedReleaseDate: '2026-11-05' };
  const request = { requestId: randomUUID(), referralId: referral.referralId, personId: detention.personId, siaoDepartement: D };
  return { detention, referral, request };
}

function submission(p: Person, number: number): RequestSubmittedV1 {
  return {
    ...p.referral, urgent: false, submission: number, household: { composition: 'alone', applicantGender: 'man', childrenAges: [] },
    needs: { reducedMobility: false, animals: false }, resources: ['rsa'], rightsToReopen: [], preferredTerritories: ['Fort-de-France'],
    careContinuity: false, consent: { givenOn: '2026-10-01', recipients: ['siao'] },
  };
}

describe('notification: the préfecture\'s indicators from a scripted story', () => {
  let service: RunningService;
  let producer: Producer;
  let probe: TopicProbe;
  const [a, b, c] = [aPerson(), aPerson(), aPerson()];
  const [s1, s2] = [randomUUID(), randomUUID()];

  /** Publishes an event as it happened at `at` (its CloudEvents time): the day it counts on. */
  const at = async <T extends object>(when: string, descriptor: EventDescriptor<T>, data: T) =>
    publishEvents(producer, descriptor, { ...cloudEventOf(descriptor, data), time: `${when}T10:00:00.000Z` });
  const capacity = (structureId: string, asOf: string, reserved: number, occupied: number) => at(asOf, capacityChangedV1, {
    structureId, siaoDepartement: D, structureType: 'chrs' as const, reason: 'booked' as const, asOf, capacity: 20, reservedJusticePlaces: reserved, volantePlaces: 0,
    outOfService: 0, occupied, occupiedJustice: occupied, free: 20 - occupied, freeJustice: reserved - occupied,
  });
  const figures = async (instance: RunningService, from = day('10-01'), to = day('11-06')) =>
    (await jsonClient(instance.url)('GET', `/v1/indicators?departement=${D}&from=${from}&to=${to}`, prefecture)).body as Record<string, number | string>[];

  beforeAll(async () => {
    service = await startService(NotificationModule, notificationService);
    producer = testKafka().producer();
    await producer.connect();
    probe = await TopicProbe.start(testKafka(), [Topics.prefectureIndicators]);

    for (const p of [a, b, c]) {
      await at(day('10-01'), detentionRegisteredV1, { ...p.detention, establishmentCode: 'CP-DUCOS', expectedReleaseKind: 'end_of_sentence', registeredAt: `${day('10-01')}T10:00:00.000Z` });
      await at(day('10-01'), windowOpenedV1, {
        ...p.detention, opensOn: day('10-01'), urgent: false, establishmentCode: 'CP-DUCOS', establishmentName: 'CP de Ducos',
        identity: { lastName: 'Lapin', firstNames: 'Jean', birthDate: '1990-01-01' },
      });
      await at(day('10-02'), requestOpenedV1, { ...p.referral, urgent: false });
    }
    await capacity(s1, day('10-01'), 4, 1);
    await at(day('10-05'), alertRaisedV1, { ...c.referral, kind: 'sortie_seche_risk', level: 'watch' });
    await at(day('10-12'), requestSubmittedV1, submission(a, 1));
    await capacity(s2, day('10-15'), 2, 0);
    await at(day('10-20'), alertEscalatedV1, { ...c.referral, kind: 'sortie_seche_risk', from: 'watch', level: 'warning' });
    await at(day('10-20'), alertRaisedV1, { ...c.referral, kind: 'lsc_at_risk', level: 'warning' });
    await at(day('10-22'), requestSubmittedV1, submission(b, 1));
    await at(day('10-25'), requestSubmittedV1, submission(a, 2));
    await at(day('10-30'), orientationDecidedV1, { ...a.request, sessionId: randomUUID(), structureType: 'chrs' });
    await at(day('11-02'), placementConfirmedV1, { ...a.request, placementId: randomUUID(), structureId: s1, structureType: 'chrs', entryDate: day('11-05') });
    await capacity(s1, day('11-02'), 4, 2);
    // A closed window rather than a release: other tests' referral instances read these topics too, and a
    // release would make them record a sortie sèche of their own on this day.
    await at(day('11-05'), windowClosedV1, { ...c.detention, closedOn: day('11-05'), opensOn: day('12-31') });
    await at(day('11-05'), sortieSecheRecordedV1, { ...c.referral, reason: 'no_decision', releasedOn: day('11-05') });
    await at(day('11-05'), alertResolvedV1, { ...c.referral, kind: 'sortie_seche_risk', level: 'warning' });
    await at(day('11-06'), personEnteredV1, { ...a.request, placementId: randomUUID(), structureId: s1, enteredOn: day('11-06') });
    // The end of the story, after the days checked: every window, alert and reserved place it opened is closed.
    for (const p of [a, b]) await at(day('12-01'), windowClosedV1, { ...p.detention, closedOn: day('12-01'), opensOn: day('12-31') });
    await at(day('12-01'), alertResolvedV1, { ...c.referral, kind: 'lsc_at_risk', level: 'warning' });
    for (const structure of [s1, s2]) await capacity(structure, day('12-01'), 0, 0);
  });

  afterAll(async () => {
    await probe.stop();
    await producer.disconnect();
    await service.close();
  });

  it('match the figures counted by hand, day by day', async () => {
    // The story's people are on different partitions: wait until every one of them is counted.
    await expectEventually(async () => {
      const byDay = Object.fromEntries((await figures(service)).map((f) => [f.day as string, f]));
      expect(byDay[day('10-01')]).toMatchObject({ detentionsRegistered: 3, detentionsInWindow: 3, reservedPlaces: 4, reservedPlacesOccupied: 1, openAlertsWatch: 0 });
      expect(byDay[day('10-02')]).toMatchObject({ requestsOpened: 3, detentionsInWindow: 3 });
      expect(byDay[day('10-05')]).toMatchObject({ openAlertsWatch: 1, openAlertsWarning: 0, lscAtRisk: 0 });
      expect(byDay[day('10-12')]).toMatchObject({ requestsSubmitted: 1, medianDaysWindowToSubmission: 10 });
      expect(byDay[day('10-15')]).toMatchObject({ reservedPlaces: 6, reservedPlacesOccupied: 1 });
      expect(byDay[day('10-20')]).toMatchObject({ openAlertsWatch: 0, openAlertsWarning: 2, lscAtRisk: 1 });
      expect(byDay[day('10-22')]).toMatchObject({ requestsSubmitted: 1, medianDaysWindowToSubmission: 20 });
      expect(byDay[day('10-25')]).toMatchObject({ requestsSubmitted: 0 });
      expect(byDay[day('10-30')]).toMatchObject({ requestsOriented: 1, medianDaysSubmissionToOrientation: 18 });
      expect(byDay[day('11-02')]).toMatchObject({ placementsConfirmed: 1, reservedPlacesOccupied: 2 });
      expect(byDay[day('11-05')]).toMatchObject({ detentionsInWindow: 2, sortiesSeches: 1, openAlertsWarning: 1, lscAtRisk: 1 });
      expect(byDay[day('11-06')]).toMatchObject({ peopleEntered: 1, detentionsInWindow: 2 });
      expect(JSON.stringify(byDay)).not.toMatch(new RegExp([a, b, c].map((p) => p.detention.personId).join('|') + '|Lapin'));
    }, { timeoutMs: 120_000 });
  });

  it('count the same stocks over a span that starts inside them: windows, alerts and places opened before it', async () => {
    const whole = Object.fromEntries((await figures(service)).map((f) => [f.day as string, f]));
    const part = await figures(service, day('10-21'), day('11-05'));
    expect(part).toHaveLength(16);
    expect(part[0]).toMatchObject({ detentionsInWindow: 3, openAlertsWarning: 2, lscAtRisk: 1, reservedPlaces: 6 });
    for (const f of part) expect(f).toEqual(whole[f.day as string]);
  });

  it('counts a burst of one person’s changes, handled together, as if handled one by one', async () => {
    const e = aPerson();
    const record = <T extends object>(descriptor: EventDescriptor<T>, on: string, data: T) =>
      toKafkaMessage({ ...cloudEventOf(descriptor, data), time: `${on}T10:00:00.000Z` }, e.detention.personId);
    // One send per topic: the records land in one record batch, so the consumer handles them together.
    const send = (topic: string, messages: ReturnType<typeof record>[]) => producer.send({ topic, acks: -1, messages });
    const identity = { lastName: 'Lapin', firstNames: 'Jean', birthDate: '1990-01-01' };
    const opened = (on: string) => record(windowOpenedV1, on, {
      ...e.detention, opensOn: on, urgent: false, establishmentCode: 'CP-DUCOS', establishmentName: 'CP de Ducos', identity,
    });
    const closed = (on: string) => record(windowClosedV1, on, { ...e.detention, closedOn: on, opensOn: day('12-31') });
    await send(windowOpenedV1.topic, [opened(day('12-10')), closed(day('12-12')), opened(day('12-13')), closed(day('12-15'))]);
    const alert = { ...e.referral, kind: 'sortie_seche_risk' as const };
    await send(alertRaisedV1.topic, [
      record(alertRaisedV1, day('12-10'), { ...alert, level: 'watch' }),
      record(alertEscalatedV1, day('12-11'), { ...alert, from: 'watch', level: 'warning' }),
      record(alertEscalatedV1, day('12-13'), { ...alert, from: 'warning', level: 'critical' }),
      record(alertResolvedV1, day('12-14'), { ...alert, level: 'critical' }),
    ]);
    const expected = [
      ['12-10', 1, 1, 0, 0], ['12-11', 1, 0, 1, 0], ['12-12', 0, 0, 1, 0], ['12-13', 1, 0, 0, 1], ['12-14', 1, 0, 0, 0], ['12-15', 0, 0, 0, 0],
    ].map(([on, detentionsInWindow, openAlertsWatch, openAlertsWarning, openAlertsCritical]) => ({
      day: day(on as string), detentionsInWindow, openAlertsWatch, openAlertsWarning, openAlertsCritical,
    }));
    await expectEventually(async () => {
      const counted = await figures(service, day('12-10'), day('12-15'));
      expect(counted.map(({ day: on, detentionsInWindow, openAlertsWatch, openAlertsWarning, openAlertsCritical }) => (
        { day: on, detentionsInWindow, openAlertsWatch, openAlertsWarning, openAlertsCritical }))).toEqual(expected);
    }, { timeoutMs: 120_000 });
  });

  it('tells the dashboards on prefecture.indicators, keyed by département, with no person in it', async () => {
    await expectEventually(async () => {
      const mine = (await service.recordsPublished(probe)).filter((r) => r.key === D);
      expect(mine.map((r) => r.json<{ day: string; peopleEntered: number }>()).find((f) => f.day === day('11-06'))?.peopleEntered).toBe(1);
      expect(mine.every((r) => !r.value.includes(a.detention.personId))).toBe(true);
    });
  });

  it('pushes a change to a Server-Sent Events reader', async () => {
    const response = await fetch(`${service.url}/v1/indicators/stream?departement=${D}`, { headers: { authorization: `Bearer ${prefecture}`, accept: 'text/event-stream' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    await at(day('11-10'), placementConfirmedV1, { ...b.request, placementId: randomUUID(), structureId: s2, structureType: 'chrs', entryDate: day('11-10') });
    let text = '';
    const deadline = Date.now() + 60_000;
    while (!text.includes(`"day":"${day('11-10')}"`) && Date.now() < deadline) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(text).toMatch(new RegExp(`event: indicators\nid: 972/${day('11-10')}\ndata: .*"placementsConfirmed":1`));
    expect((await fetch(`${service.url}/v1/indicators/stream?departement=94`, { headers: { authorization: `Bearer ${prefecture}` } })).status).toBe(403);
  });

  it('rebuilds the same figures when a new instance replays the topics from the start', async () => {
    // Every other test's events are on the topics too: the replay takes them all.
    const expected = await figures(service, day('10-01'), day('11-10'));
    const rebuilt = await startService(NotificationModule, notificationService);
    try {
      await expectEventually(async () => expect(await figures(rebuilt, day('10-01'), day('11-10'))).toEqual(expected), { timeoutMs: 150_000 });
    } finally {
      await rebuilt.close();
    }
  }, 180_000);
});
