import { Producer } from 'kafkajs';
import {
  referralReleaseDateChangedV1, requestWithdrawnV1, Topics,
} from '@passerelle/contracts';
import { cloudEventOf, expectEventually, publishEvents, queryRows, RunningService, startService, testKafka, TopicProbe } from '@passerelle/testing';
import { housingPlacementService } from '../../src/housing-placement.definition';
import { HousingPlacementModule } from '../../src/housing-placement.module';
import {
  adminToken, aSubmission, housingApi, orientedRequest, requestOf, siaoToken, submit, todayOf, typesFor,
} from '../support/housing-fixtures';

describe('housing-placement: refusals, deferral, lapse, the last place, withdrawal and a moved release', () => {
  let service: RunningService;
  let producer: Producer;
  let probe: TopicProbe;
  let api: ReturnType<typeof housingApi>;

  beforeAll(async () => {
    service = await startService(HousingPlacementModule, housingPlacementService);
    api = housingApi(service);
    producer = testKafka().producer();
    await producer.connect();
    probe = await TopicProbe.start(testKafka(), [Topics.housingPlacement]);
  });

  afterEach(() => service.clock.set(new Date()));

  afterAll(async () => {
    await probe.stop();
    await producer.disconnect();
    await service.close();
  });

  const ref = (submission: { referralId: string; personId: string; detentionId: string; spipDepartement: string; siaoDepartement: string; expectedReleaseDate: string }) => ({
    referralId: submission.referralId, personId: submission.personId, detentionId: submission.detentionId, spipDepartement: submission.spipDepartement,
    siaoDepartement: submission.siaoDepartement, expectedReleaseDate: submission.expectedReleaseDate,
  });

  it('keeps a refusal by the structure apart from a decline by the person, and refuses at the commission', async () => {
    const first = await api.createStructure('2B', { area: 'Ajaccio' });
    const second = await api.createStructure('2B', { area: 'Ajaccio' });
    const { submission, requestId } = await orientedRequest(service, producer, '2B');
    expect((await api.refuse('2B', requestId, first.id, 'collective_life_not_suited')).status).toBe(201);
    const proposed = await api.preAdmit('2B', requestId, second.id, '2027-04-01');
    expect((await api.declineByPerson('2B', proposed.body.id)).body).toMatchObject({ status: 'declined' });
    expect((await api.confirm('2B', proposed.body.id)).body.violations).toEqual([expect.objectContaining({ field: 'status', rule: 'allowsThisStep' })]);

    const refusedAtCommission = aSubmission('2B');
    await submit(producer, refusedAtCommission);
    const refusedId = await requestOf(service, refusedAtCommission.referralId, 'awaiting_review');
    const sessionId = await api.planSession('2B', todayOf(service));
    await api.schedule('2B', sessionId, [refusedId]);
    expect((await api.decide('2B', sessionId, { requestId: refusedId, decision: 'refusal', reason: 'reconsider' })).body.violations)
      .toEqual([expect.objectContaining({ field: 'reason', rule: 'isIn' })]);
    expect((await api.decide('2B', sessionId, { requestId: refusedId, decision: 'refusal', reason: 'other_territory' })).body).toMatchObject({ status: 'refused' });

    await expectEventually(async () => {
      expect(await typesFor(service, probe, submission.personId)).toEqual([
        'request.scheduled', 'orientation.decided', 'placement.refused', 'placement.proposed', 'placement.declined',
      ]);
      expect(await typesFor(service, probe, refusedAtCommission.personId)).toEqual(['request.scheduled', 'request.refused']);
    });
    const records = (await service.recordsPublished(probe)).filter((r) => r.key === submission.personId);
    expect(records[2].json()).toMatchObject({ structureId: first.id, reason: 'collective_life_not_suited' });
    expect(records[4].json()).toMatchObject({ by: 'person' });
  });

  it('defers a request, which comes back to the queue on the day to reconsider it', async () => {
    const submission = aSubmission('2B', { expectedReleaseDate: '2027-06-30' });
    await submit(producer, submission);
    const requestId = await requestOf(service, submission.referralId, 'awaiting_review');
    const sessionId = await api.planSession('2B', todayOf(service));
    await api.schedule('2B', sessionId, [requestId]);
    const deferred = await api.decide('2B', sessionId, { requestId, decision: 'deferral', reason: 'release_date_uncertain', reconsiderOn: '2027-01-15' });
    expect(deferred.body).toMatchObject({ status: 'deferred', deferral: { reconsiderOn: '2027-01-15' } });
    const inQueue = async () => (await api.queue('2B', siaoToken('2B'), '&pageSize=500')).body.items.map((e: { request: { id: string } }) => e.request.id);
    expect(await inQueue()).not.toContain(requestId);
    service.clock.set('2027-01-15T09:00:00+01:00');
    expect(await inQueue()).toContain(requestId);
    const agenda = await api.call('GET', `/v1/sessions/${sessionId}`, siaoToken('2B'));
    expect(agenda.body.agenda).toEqual(expect.arrayContaining([expect.objectContaining({ requestId, decision: 'deferral' })]));
  });

  it('lapses an orientation not taken three months after the release, cancelling its open proposal', async () => {
    const structure = await api.createStructure('48', { area: 'Mende' });
    const { submission, requestId } = await orientedRequest(service, producer, '48', { preferredTerritories: ['Mende'], expectedReleaseDate: '2027-02-15' });
    expect((await api.preAdmit('48', requestId, structure.id, '2027-02-15')).status).toBe(201);

    service.clock.set('2027-05-15T12:00:00+02:00');
    expect((await api.call('POST', '/v1/admin/lapse-sweep', adminToken())).body).toEqual({ today: '2027-05-15', lapsed: 0 });
    service.clock.set('2027-05-16T12:00:00+02:00');
    expect((await api.call('POST', '/v1/admin/lapse-sweep', adminToken())).body).toEqual({ today: '2027-05-16', lapsed: 1 });
    expect((await api.call('POST', '/v1/admin/lapse-sweep', adminToken())).body.lapsed).toBe(0);

    await expectEventually(async () => expect(await typesFor(service, probe, submission.personId)).toEqual([
      'request.scheduled', 'orientation.decided', 'placement.proposed', 'placement.cancelled', 'orientation.lapsed',
    ]));
    const records = (await service.recordsPublished(probe)).filter((r) => r.key === submission.personId);
    expect(records[3].json()).toMatchObject({ reason: 'orientation_lapsed' });
    expect(records[4].json()).toMatchObject({ lapsedOn: '2027-05-16' });
    expect(await requestOf(service, submission.referralId, 'lapsed')).toBe(requestId);
  });

  it('gives the last free place to one of two concurrent confirmations and refuses it to the other', async () => {
    for (let round = 0; round < 3; round++) {
      const structure = await api.createStructure('05', { area: 'Gap', capacity: 1, reservedJusticePlaces: 0 });
      const people = await Promise.all([0, 1].map(() => orientedRequest(service, producer, '05', { preferredTerritories: ['Gap'] })));
      const proposals = await Promise.all(people.map(({ requestId }) => api.preAdmit('05', requestId, structure.id, '2027-03-31')));
      const answers = await Promise.all(proposals.map((proposal) => api.confirm('05', proposal.body.id)));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      expect(answers.find((a) => a.status === 409)!.body.violations).toEqual([expect.objectContaining({ field: 'structureId', rule: 'hasFreePlace' })]);
      const booked = await queryRows(`SELECT count(*)::int AS n FROM ${service.schema}.placements WHERE structure_id = $1 AND status = 'confirmed'`, [structure.id]);
      expect(booked).toEqual([{ n: 1 }]);
    }
  });

  it('cancels the placements of a withdrawn request and flags a confirmed entry the moved release no longer fits', async () => {
    const structure = await api.createStructure('23', { area: 'Guéret' });
    const moved = await orientedRequest(service, producer, '23', { preferredTerritories: ['Gueret'] });
    const withdrawn = await orientedRequest(service, producer, '23', { preferredTerritories: ['Gueret'] });
    for (const { requestId } of [moved, withdrawn]) {
      const proposed = await api.preAdmit('23', requestId, structure.id, '2027-04-05');
      expect((await api.confirm('23', proposed.body.id)).status).toBe(200);
    }
    await publishEvents(producer, referralReleaseDateChangedV1, cloudEventOf(referralReleaseDateChangedV1, {
      ...ref(moved.submission), expectedReleaseDate: '2027-05-20', previousReleaseDate: '2027-03-31', urgent: false,
    }));
    await publishEvents(producer, requestWithdrawnV1, cloudEventOf(requestWithdrawnV1, { ...ref(withdrawn.submission), reason: 'other_solution' }));

    await expectEventually(async () => {
      expect((await typesFor(service, probe, moved.submission.personId)).slice(-1)).toEqual(['placement.flagged']);
      expect((await typesFor(service, probe, withdrawn.submission.personId)).slice(-1)).toEqual(['placement.cancelled']);
    });
    const flagged = (await service.recordsPublished(probe)).filter((r) => r.key === moved.submission.personId).at(-1)!.json();
    expect(flagged).toMatchObject({ entryDate: '2027-04-05', expectedReleaseDate: '2027-05-20', windowFrom: '2027-05-20', windowTo: '2027-06-04' });
    expect(await requestOf(service, withdrawn.submission.referralId, 'withdrawn')).toBe(withdrawn.requestId);
    const capacity = (await service.recordsPublished(probe)).filter((r) => r.key === structure.id).map((r) => r.json<{ reason: string }>().reason);
    expect(capacity).toEqual(['registered', 'booked', 'booked', 'released']);
  });
});
