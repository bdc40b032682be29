import { Producer } from 'kafkajs';
import { Topics } from '@passerelle/contracts';
import { expectEventually, queryRows, RunningService, startService, testKafka, TopicProbe } from '@passerelle/testing';
import { housingPlacementService } from '../../src/housing-placement.definition';
import { HousingPlacementModule } from '../../src/housing-placement.module';
import { aSubmission, housingApi, requestOf, siaoToken, submit, todayOf, typesFor } from '../support/housing-fixtures';

/** Keys a housing-placement event about a person may carry: routing, decisions, places. No identity, no file. */
const ALLOWED_KEYS = new Set([
  'requestId', 'referralId', 'personId', 'siaoDepartement', 'missing', 'sessionId', 'sessionDate', 'structureType', 'structureId',
  'reason', 'reconsiderOn', 'placementId', 'entryDate', 'by', 'enteredOn', 'expectedOn', 'orientedOn', 'lapsedOn',
  'expectedReleaseDate', 'windowFrom', 'windowTo',
]);

describe('housing-placement: from the submitted request to the entry', () => {
  let service: RunningService;
  let producer: Producer;
  let probe: TopicProbe;

  beforeAll(async () => {
    service = await startService(HousingPlacementModule, housingPlacementService);
    producer = testKafka().producer();
    await producer.connect();
    probe = await TopicProbe.start(testKafka(), [Topics.housingPlacement]);
  });

  afterAll(async () => {
    await probe.stop();
    await producer.disconnect();
    await service.close();
  });

  it('returns an incomplete request, takes the resubmission, schedules, orients, books one place and cancels the competing proposal, then records the entry', async () => {
    const api = housingApi(service);
    const lauriers = await api.createStructure('2A', { name: 'CHRS Les Lauriers', capacity: 6, reservedJusticePlaces: 2 });
    const cyrnos = await api.createStructure('2A', { name: 'CHRS Cyrnos', capacity: 4, reservedJusticePlaces: 0 });
    await api.createStructure('2A', { name: 'CHRS Bastia', area: 'Bastia' });

    const first = aSubmission('2A', { household: { composition: 'alone_with_children', applicantGender: 'woman', childrenAges: [] } });
    await submit(producer, first);
    const requestId = await requestOf(service, first.referralId, 'returned');
    await expectEventually(async () => expect(await typesFor(service, probe, first.personId)).toEqual(['request.returned']));
    const returned = (await service.recordsPublished(probe)).find((r) => r.key === first.personId)!.json<{ missing: string[] }>();
    expect(returned.missing).toEqual([expect.stringMatching(/^household\.childrenAges: /)]);

    await submit(producer, { ...first, submission: 2, household: { composition: 'alone', applicantGender: 'woman', childrenAges: [] } });
    await requestOf(service, first.referralId, 'awaiting_review');

    // Earlier runs on the same broker left their own requests of 2A on the topic: look for this one.
    const inQueue = async () => (await api.queue('2A', siaoToken('2A'), '&pageSize=500')).body.items.filter((e: { request: { id: string } }) => e.request.id === requestId);
    const [entry] = await inQueue();
    expect(entry.request).toMatchObject({ id: requestId, status: 'awaiting_review', submission: 2, daysToRelease: expect.any(Number) });
    expect(entry.candidates.map((c: { name: string; pool: string }) => [c.name, c.pool]))
      .toEqual([['CHRS Les Lauriers', 'justice'], ['CHRS Cyrnos', 'general']]);

    const sessionId = await api.planSession('2A', todayOf(service));
    expect((await api.schedule('2A', sessionId, [requestId])).status).toBe(200);
    const decided = await api.decide('2A', sessionId, { requestId, decision: 'orientation', structureType: 'chrs', preconisation: 'Accompagnement vers l\'emploi' });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'oriented', orientation: { sessionId, structureType: 'chrs' } });
    expect((await api.call('GET', `/v1/sessions/${sessionId}`, undefined)).status).toBe(401);

    const atLauriers = await api.preAdmit('2A', requestId, lauriers.id, '2027-03-31');
    const atCyrnos = await api.preAdmit('2A', requestId, cyrnos.id, '2027-04-02');
    expect([atLauriers.status, atCyrnos.status]).toEqual([201, 201]);
    expect((await api.preAdmit('2A', requestId, cyrnos.id, '2027-04-03')).body.violations).toEqual([expect.objectContaining({ field: 'structureId', rule: 'answersOnce' })]);

    const confirmed = await api.confirm('2A', atLauriers.body.id);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', pool: 'justice' });
    expect(await inQueue()).toEqual([]);

    expect((await api.enter('2A', atLauriers.body.id, lauriers.id, '2027-03-31')).body.violations).toEqual([expect.objectContaining({ field: 'enteredOn', rule: 'notInTheFuture' })]);
    service.clock.set('2027-03-31T10:00:00+02:00');
    const entered = await api.enter('2A', atLauriers.body.id, lauriers.id, '2027-03-31');
    expect(entered.status).toBe(200);

    await expectEventually(async () => expect(await typesFor(service, probe, first.personId)).toEqual([
      'request.returned', 'request.scheduled', 'orientation.decided', 'placement.proposed', 'placement.proposed',
      'placement.confirmed', 'placement.cancelled', 'person.entered',
    ]));
    const records = (await service.recordsPublished(probe)).filter((r) => r.key === first.personId);
    expect(records[6].json()).toMatchObject({ placementId: atCyrnos.body.id, reason: 'competing_placement_confirmed' });
    for (const record of records) {
      expect(Object.keys(record.json<object>()).filter((key) => !ALLOWED_KEYS.has(key))).toEqual([]);
      expect(record.value).not.toMatch(/emploi|rsa|health_insurance/);
    }
    const request = await queryRows(`SELECT status FROM ${service.schema}.housing_requests WHERE id = $1`, [requestId]);
    expect(request).toEqual([{ status: 'housed' }]);
  });

  it('reports each change of places as capacity.changed, keyed by structure, with the reserved places apart', async () => {
    const api = housingApi(service);
    service.clock.set(new Date());
    const structure = await api.createStructure('2A', { name: 'CHRS Capacité', capacity: 3, reservedJusticePlaces: 1 });
    const closed = await api.call('POST', `/v1/structures/${structure.id}/closures`, siaoToken('2A'), { from: todayOf(service), to: '2027-12-31', places: 2, reason: 'Travaux' });
    expect(closed.status).toBe(201);
    expect((await api.call('DELETE', `/v1/structures/${structure.id}/closures/${closed.body.id}`, siaoToken('2A'))).status).toBe(204);
    await expectEventually(async () => {
      const events = (await service.recordsPublished(probe)).filter((r) => r.key === structure.id);
      expect(events.map((r) => r.json<{ reason: string; free: number; freeJustice: number }>()).map((e) => [e.reason, e.free, e.freeJustice]))
        .toEqual([['registered', 3, 1], ['out_of_service', 1, 1], ['back_in_service', 3, 1]]);
    });
    const week = await api.call('GET', `/v1/structures/${structure.id}/availability?from=${todayOf(service)}&to=2027-01-05`, siaoToken('2A'));
    expect(week.status).toBe(200);
    expect(week.body[0]).toMatchObject({ free: 3, freeJustice: 1, outOfService: 0 });
  });
});

