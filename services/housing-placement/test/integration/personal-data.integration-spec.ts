import { Producer } from 'kafkajs';
import { requestWithdrawnV1, RequestSubmittedV1 } from '@passerelle/contracts';
import { cloudEventOf, publishEvents, queryRows, RunningService, startService, testKafka } from '@passerelle/testing';
import { housingPlacementService } from '../../src/housing-placement.definition';
import { HousingPlacementModule } from '../../src/housing-placement.module';
import { adminToken, aSubmission, housingApi, requestOf, submit, todayOf } from '../support/housing-fixtures';

const DEPARTEMENT = '02';
const PRECONISATION = 'Petit collectif, proche de Saint-Quentin où vit sa sœur';

describe('housing-placement: retention and subject access', () => {
  let service: RunningService;
  let producer: Producer;
  let api: ReturnType<typeof housingApi>;

  beforeAll(async () => {
    service = await startService(HousingPlacementModule, housingPlacementService);
    api = housingApi(service);
    producer = testKafka().producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
    await service.close();
  });

  const requestRow = async (id: string) => (await queryRows(`SELECT * FROM ${service.schema}.housing_requests WHERE id = $1`, [id]))[0];
  const withdraw = async (submission: RequestSubmittedV1) => {
    const { referralId, personId, detentionId, spipDepartement, siaoDepartement, expectedReleaseDate } = submission;
    await publishEvents(producer, requestWithdrawnV1, cloudEventOf(requestWithdrawnV1, {
      referralId, personId, detentionId, spipDepartement, siaoDepartement, expectedReleaseDate, reason: 'person_declined',
    }));
    return requestOf(service, referralId, 'withdrawn');
  };
  const aSensitiveSubmission = (expectedReleaseDate: string) => aSubmission(DEPARTEMENT, {
    expectedReleaseDate, careContinuity: true,
    household: { composition: 'alone_with_children', applicantGender: 'woman', childrenAges: [4, 9] },
    consent: { givenOn: '2026-11-02', recipients: ['siao', 'host_structures', 'health_partners'] },
  });

  it('empties the file and the préconisation of requests finished more than 24 months ago, once, and keeps the others', async () => {
    const old = aSensitiveSubmission('2026-12-15');
    await submit(producer, old);
    const oldId = await requestOf(service, old.referralId, 'awaiting_review');
    const sessionId = await api.planSession(DEPARTEMENT, todayOf(service));
    expect((await api.schedule(DEPARTEMENT, sessionId, [oldId])).status).toBe(200);
    expect((await api.decide(DEPARTEMENT, sessionId, { requestId: oldId, decision: 'orientation', structureType: 'chrs', preconisation: PRECONISATION })).status).toBe(200);
    await withdraw(old);
    const recent = aSensitiveSubmission('2028-12-20');
    await submit(producer, recent);
    const recentId = await withdraw(recent);
    // Released with nothing (sortie sèche): housing-placement never hears the case closed.
    const neverHoused = aSensitiveSubmission('2026-12-10');
    await submit(producer, neverHoused);
    const neverHousedId = await requestOf(service, neverHoused.referralId, 'awaiting_review');
    const open = aSensitiveSubmission('2027-02-01');
    await submit(producer, open);
    const openId = await requestOf(service, open.referralId, 'awaiting_review');

    service.clock.set('2029-01-15T12:00:00+01:00');
    const sweep = await api.call('POST', '/v1/admin/retention-sweep', adminToken());
    expect(sweep.status).toBe(200);
    // The service reads the shared topics from the start: other tests' requests may be due too.
    expect(sweep.body).toEqual({ today: '2029-01-15', closedBefore: '2027-01-15', erased: expect.any(Number) });
    expect(sweep.body.erased).toBeGreaterThanOrEqual(1);

    const erased = await requestRow(oldId);
    expect(erased.file).toEqual({
      household: { composition: 'alone_with_children', applicantGender: 'woman', childrenAges: [] }, needs: { reducedMobility: false, animals: false },
      resources: [], rightsToReopen: [], preferredTerritories: [], careContinuity: false, consent: { givenOn: '2026-11-02', recipients: [] },
    });
    expect(erased.orientation).toEqual({ sessionId, structureType: 'chrs', decidedOn: expect.any(String) });
    expect(erased).toMatchObject({ status: 'withdrawn', siao_departement: DEPARTEMENT, erased_on: expect.any(Date) });
    expect(await requestRow(neverHousedId)).toMatchObject({ status: 'awaiting_review', erased_on: expect.any(Date), file: expect.objectContaining({ careContinuity: false, resources: [] }) });
    for (const id of [recentId, openId]) expect(await requestRow(id)).toMatchObject({ erased_on: null, file: expect.objectContaining({ careContinuity: true }) });

    const erasedRows = () => queryRows(`SELECT * FROM ${service.schema}.housing_requests WHERE erased_on IS NOT NULL AND id = ANY($1::uuid[]) ORDER BY id`, [[oldId, neverHousedId, recentId, openId]]);
    const before = await erasedRows();
    expect((await api.call('POST', '/v1/admin/retention-sweep', adminToken())).status).toBe(200);
    expect(await erasedRows()).toEqual(before);
    const erasures = await queryRows(`SELECT resource_id FROM ${service.schema}.audit_log WHERE action = 'erase' AND person_id = $1`, [old.personId]);
    expect(erasures).toEqual([{ resource_id: oldId }]);
  });

  it('erases again the new file of a request resubmitted after its erasure', async () => {
    service.clock.set('2026-11-23T12:00:00+01:00');
    const first = aSensitiveSubmission('2026-12-15');
    await submit(producer, first);
    const id = await requestOf(service, first.referralId, 'awaiting_review');
    await withdraw(first);
    service.clock.set('2029-01-15T12:00:00+01:00');
    expect((await api.call('POST', '/v1/admin/retention-sweep', adminToken())).status).toBe(200);
    expect(await requestRow(id)).toMatchObject({ status: 'withdrawn', erased_on: expect.any(Date) });

    await submit(producer, { ...aSensitiveSubmission('2029-02-01'), referralId: first.referralId, personId: first.personId, detentionId: first.detentionId, submission: 2 });
    await requestOf(service, first.referralId, 'awaiting_review');
    expect(await requestRow(id)).toMatchObject({ erased_on: null, file: expect.objectContaining({ careContinuity: true }) });

    service.clock.set('2031-03-15T12:00:00+01:00');
    expect((await api.call('POST', '/v1/admin/retention-sweep', adminToken())).status).toBe(200);
    expect(await requestRow(id)).toMatchObject({ erased_on: expect.any(Date), file: expect.objectContaining({ careContinuity: false }) });
    const erasures = await queryRows(`SELECT resource_id FROM ${service.schema}.audit_log WHERE action = 'erase' AND person_id = $1`, [first.personId]);
    expect(erasures).toEqual([{ resource_id: id }, { resource_id: id }]);
  });

  it('writes one erasure per request when sweeps run at the same time', async () => {
    service.clock.set('2026-11-23T12:00:00+01:00');
    const submissions = Array.from({ length: 6 }, () => aSensitiveSubmission('2026-12-10'));
    await submit(producer, ...submissions);
    const ids = await Promise.all(submissions.map(({ referralId }) => requestOf(service, referralId, 'awaiting_review')));

    service.clock.set('2029-01-15T12:00:00+01:00');
    const sweeps = await Promise.all(Array.from({ length: 4 }, () => api.call('POST', '/v1/admin/retention-sweep', adminToken())));
    expect(sweeps.map(({ status }) => status)).toEqual([200, 200, 200, 200]);
    const erasures = await queryRows<{ resource_id: string }>(
      `SELECT resource_id FROM ${service.schema}.audit_log WHERE action = 'erase' AND resource_id = ANY($1::text[]) ORDER BY resource_id`, [ids],
    );
    expect(erasures.map(({ resource_id }) => resource_id)).toEqual([...ids].sort());
  });

  it('exports everything held on one person and nothing on another, and audits the export', async () => {
    const person = aSensitiveSubmission('2027-05-31');
    const other = aSensitiveSubmission('2027-05-31');
    await submit(producer, person, other);
    const id = await requestOf(service, person.referralId, 'awaiting_review');
    await requestOf(service, other.referralId, 'awaiting_review');

    const exported = await api.call('GET', `/v1/admin/people/${person.personId}/export`, adminToken());
    expect(exported.status).toBe(200);
    expect(exported.body.tables.housing_requests).toEqual([expect.objectContaining({ id, referral_id: person.referralId })]);
    expect(exported.body.tables.inbox).toEqual([expect.objectContaining({ partition_key: person.personId, type: 'referral.request.submitted.v1' })]);
    expect(exported.body.tables.audit_log.map((row: { action: string }) => row.action)).toContain('export');
    expect(JSON.stringify(exported.body)).not.toMatch(new RegExp(`${other.personId}|${other.referralId}`));
    expect((await api.call('GET', '/v1/admin/people/42/export', adminToken())).status).toBe(400);
  });
});
