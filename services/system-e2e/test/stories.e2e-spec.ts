import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { Topics } from '@passerelle/contracts';
import { expectEventually, testKafka, TopicProbe } from '@passerelle/testing';
import { playStories, StoriesReport, strictJsonClient, SystemProcesses, tokens, waitCaughtUp } from '@passerelle/system-driver';

/** Département 975: no other test file works in it, so its indicators and webhooks are this file's. */
const D = '975';
const ESTABLISHMENT = { code: 'CP-SAINT-PIERRE', name: 'Centre pénitentiaire de Saint-Pierre' };
const ACCEPTS_MEN = { men: true, women: false, couples: false, children: false, animals: false, reducedMobility: false };

/** Event types of one topic about one person, in the topic's order, without service prefix and version. */
function typesOf(probe: TopicProbe, topic: string, personId: string): string[] {
  return probe.records.filter((record) => record.topic === topic && record.key === personId)
    .map((record) => record.header('ce_type')!.replace(/^[a-z-]+\./, '').replace(/\.v\d+$/, ''));
}

function payloadsOf(probe: TopicProbe, topic: string, personId: string): Array<Record<string, unknown>> {
  return probe.records.filter((record) => record.topic === topic && record.key === personId).map((record) => record.json<Record<string, unknown>>());
}

/**
 * The two stories of the demo, played on the four services as separate processes over the real
 * broker and database, through their public APIs only; then checked event by event on the topics
 * and through the APIs: who was housed, who left with nothing, what the SPIP and the SIAO heard,
 * what the préfecture counts.
 */
describe('the two stories, on the whole system', () => {
  let system: SystemProcesses;
  let probe: TopicProbe;
  let report: StoriesReport;
  const runId = `e2e_stories_${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    probe = await TopicProbe.start(testKafka(), [Topics.releaseCalendar, Topics.referral, Topics.housingPlacement]);
    system = await SystemProcesses.start({ runId, logDir: path.join(__dirname, '../../../.local/logs', runId) });
    const housing = strictJsonClient(system.urls['housing-placement']);
    const siao = tokens.of('siao', [D]);
    await housing('POST', '/v1/structures', siao, {
      name: 'CHRS Le Phare', type: 'chrs', departement: D, area: 'Saint-Pierre', capacity: 12, reservedJusticePlaces: 2, volantePlaces: 1, accepts: ACCEPTS_MEN,
    });
    await housing('POST', '/v1/structures', siao, {
      name: 'Résidence sociale Les Graves', type: 'residence_sociale', departement: D, area: 'Miquelon', capacity: 20, reservedJusticePlaces: 0, volantePlaces: 0,
      accepts: { ...ACCEPTS_MEN, women: true },
    });
    // Fresh consumer groups read the topics from the start: what earlier runs left about 975 is counted before the stories begin.
    await waitCaughtUp(system.urls);
    report = await playStories({ urls: system.urls, letTimePassTo: (instant) => system.letTimePassTo(instant), departement: D, establishment: ESTABLISHMENT });
  });

  afterAll(async () => {
    await system?.stop();
    await probe?.stop();
  });

  it('houses the first person: each service published his story in order, once', async () => {
    const { personId } = report.housed.person;
    await expectEventually(() => expect(typesOf(probe, Topics.releaseCalendar, personId)).toEqual([
      'detention.registered', 'window.opened', 'release.approaching', 'release.approaching', 'release.approaching', 'release.approaching', 'person.released',
    ]));
    expect(payloadsOf(probe, Topics.releaseCalendar, personId).filter((e) => 'daysBefore' in e).map((e) => e.daysBefore)).toEqual([90, 30, 7, 1]);
    await expectEventually(() => expect(typesOf(probe, Topics.referral, personId)).toEqual(['request.opened', 'request.submitted', 'request.closed']));
    expect(payloadsOf(probe, Topics.referral, personId).at(-1)).toMatchObject({ outcome: 'housed', referralId: report.housed.referralId });
    await expectEventually(() => expect(typesOf(probe, Topics.housingPlacement, personId)).toEqual([
      'request.scheduled', 'orientation.decided', 'placement.proposed', 'placement.confirmed', 'person.entered',
    ]));
    expect(payloadsOf(probe, Topics.housingPlacement, personId).at(-1)).toMatchObject({ placementId: report.housed.placementId, enteredOn: report.housed.releasedOn });
  });

  it('records a sortie sèche for the second person after raising and escalating the alerts', async () => {
    const { personId } = report.sortieSeche.person;
    await expectEventually(() => expect(typesOf(probe, Topics.releaseCalendar, personId)).toEqual([
      'detention.registered', 'window.opened', 'lsc.review-due', 'release.approaching', 'release.approaching', 'release.approaching', 'release.approaching', 'person.released',
    ]));
    await expectEventually(() => expect(typesOf(probe, Topics.referral, personId)).toEqual([
      'request.opened', 'alert.raised', 'alert.raised', 'alert.escalated', 'alert.raised', 'alert.escalated',
      'sortie-seche.recorded', 'alert.resolved', 'alert.resolved', 'alert.resolved', 'request.closed',
    ]));
    const referralEvents = payloadsOf(probe, Topics.referral, personId);
    expect(referralEvents[0]).toMatchObject({ urgent: true });
    expect(referralEvents.slice(1, 6).map((e) => [e.kind, e.level])).toEqual([
      ['lsc_at_risk', 'critical'], ['sortie_seche_risk', 'watch'], ['sortie_seche_risk', 'warning'], ['stalled_incomplete', 'warning'], ['sortie_seche_risk', 'critical'],
    ]);
    expect(referralEvents[6]).toMatchObject({ reason: 'request_incomplete', releasedOn: report.sortieSeche.releasedOn });
    expect(referralEvents.at(-1)).toMatchObject({ outcome: 'released_without_placement' });
    expect(typesOf(probe, Topics.housingPlacement, personId)).toEqual([]);
    expect(report.sortieSeche.alertsOnTheEve).toEqual(expect.arrayContaining([
      { kind: 'sortie_seche_risk', level: 'critical' }, { kind: 'lsc_at_risk', level: 'critical' }, { kind: 'stalled_incomplete', level: 'warning' },
    ]));
  });

  it('sends no name, birth date, écrou or social evaluation on the topics, but in the window\'s opening', () => {
    for (const { person } of [report.housed, report.sortieSeche]) {
      const names = [person.identity.lastName, person.identity.firstNames, person.identity.birthDate, person.ecrou];
      const records = probe.records.filter((record) => record.key === person.personId);
      expect(records.length).toBeGreaterThan(10);
      for (const record of records) {
        const carriesIdentity = names.some((name) => record.value.includes(name));
        expect({ type: record.header('ce_type'), carriesIdentity }).toEqual({ type: record.header('ce_type'), carriesIdentity: record.header('ce_type') === 'release-calendar.window.opened.v1' });
        expect(record.value).not.toMatch(/cuisine|évaluation|socialEvaluation|preconisation/i);
      }
    }
  });

  it('shows both outcomes through the public APIs: requests closed, the place taken, the sortie sèche registered', async () => {
    const referral = strictJsonClient(system.urls.referral);
    const spip = tokens.of('spip', [D]);
    const housed = (await referral('GET', `/v1/referrals/${report.housed.referralId}`, spip)).body;
    expect(housed).toMatchObject({ status: 'closed', releasedOn: report.housed.releasedOn, placement: expect.objectContaining({ structureId: report.housed.structure.id }) });
    const leftWithNothing = (await referral('GET', `/v1/referrals/${report.sortieSeche.referralId}`, spip)).body;
    expect(leftWithNothing).toMatchObject({ status: 'closed', releasedOn: report.sortieSeche.releasedOn, openAlerts: [] });
    expect(leftWithNothing.timeline.filter((entry: { entry: string }) => entry.entry === 'SortieSecheRecorded').map((entry: { detail: unknown }) => entry.detail))
      .toEqual([{ reason: 'request_incomplete', releasedOn: report.sortieSeche.releasedOn }]);
    expect(housed.timeline.filter((entry: { entry: string }) => entry.entry === 'SortieSecheRecorded')).toEqual([]);

    const request = (await strictJsonClient(system.urls['housing-placement'])('GET', `/v1/requests/${report.housed.housingRequestId}`, tokens.of('siao', [D]))).body;
    expect(request).toMatchObject({ status: 'housed', referralId: report.housed.referralId });
    expect(request.placements.map((p: { id: string; status: string; pool: string }) => [p.id, p.status, p.pool])).toEqual([[report.housed.placementId, 'entered', 'justice']]);
  });

  it('moves the préfecture\'s indicators by exactly the two stories', () => {
    expect(Object.fromEntries(report.indicators.map(({ flow, before, after }) => [flow, after - before]))).toEqual({
      requestsOpened: 2, requestsSubmitted: 1, requestsOriented: 1, placementsConfirmed: 1, peopleEntered: 1, sortiesSeches: 1,
    });
  });

  it('delivers each event once to the SPIP and the SIAO, signed; names only to the SPIP', () => {
    const { webhooks } = report;
    expect(webhooks.filter((webhook) => !webhook.signatureVerified)).toEqual([]);
    for (const subscriber of ['spip', 'siao'] as const) {
      const ids = webhooks.filter((webhook) => webhook.subscriber === subscriber).map((webhook) => webhook.eventId);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const toSpip = (personId: string) => webhooks.filter((w) => w.subscriber === 'spip' && w.data.personId === personId).map((w) => w.type);
    const published = (personId: string) => probe.records
      .filter((record) => record.key === personId && record.topic !== Topics.housingPlacement).map((record) => record.header('ce_type')!.replace(/\.v\d+$/, ''));
    for (const { person } of [report.housed, report.sortieSeche]) expect(toSpip(person.personId).sort()).toEqual(published(person.personId).sort());
    expect(webhooks.filter((w) => w.subscriber === 'siao' && w.type.startsWith('housing-placement.')).map((w) => w.type)).toEqual([
      'housing-placement.request.scheduled', 'housing-placement.orientation.decided', 'housing-placement.placement.proposed',
      'housing-placement.placement.confirmed', 'housing-placement.person.entered',
    ]);
    expect(webhooks.find((w) => w.subscriber === 'spip' && w.type === 'release-calendar.window.opened')?.data.identity).toEqual(report.housed.person.identity);
    expect(webhooks.filter((w) => w.subscriber === 'siao' && ('identity' in w.data || 'ecrou' in w.data))).toEqual([]);
  });
});
