import { Producer } from 'kafkajs';
import { mintDevToken } from '@passerelle/auth';
import { queryRows, RunningService, startService, testKafka } from '@passerelle/testing';
import { housingPlacementService } from '../../src/housing-placement.definition';
import { HousingPlacementModule } from '../../src/housing-placement.module';
import { aSubmission, housingApi, orientedRequest, requestOf, siaoToken, structureToken, submit, todayOf } from '../support/housing-fixtures';

describe('housing-placement: who sees and does what, and bad input', () => {
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

  const fieldsOf = (body: { violations?: { field: string; rule: string }[] }) => (body.violations ?? []).map((v) => `${v.field}:${v.rule}`);

  it('shows a structure only the requests oriented to it, with no person, SPIP or detention, and the care flag only with consent', async () => {
    const chrs = await api.createStructure('15', { area: 'Aurillac' });
    const other = await api.createStructure('15', { area: 'Aurillac', type: 'residence_sociale' });
    const { requestId } = await orientedRequest(service, producer, '15', { preferredTerritories: ['Aurillac'], careContinuity: true });

    const seen = await api.call('GET', `/v1/requests/${requestId}`, structureToken(chrs.id, '15'));
    expect(seen.status).toBe(200);
    expect(Object.keys(seen.body).sort()).toEqual([
      'entryWindow', 'expectedReleaseDate', 'household', 'needs', 'orientation', 'placements', 'requestId', 'resources', 'rightsToReopen',
      'siaoDepartement', 'status',
    ]);
    expect(JSON.stringify(seen.body)).not.toMatch(/personId|detentionId|spipDepartement|careContinuity/);
    expect((await api.call('GET', '/v1/oriented-requests', structureToken(chrs.id, '15'))).body.map((r: { requestId: string }) => r.requestId)).toEqual([requestId]);
    expect((await api.call('GET', '/v1/oriented-requests', structureToken(other.id, '15'))).body).toEqual([]);
    expect((await api.call('GET', `/v1/requests/${requestId}`, structureToken(other.id, '15'))).status).toBe(404);
    expect((await api.preAdmit('15', requestId, other.id, '2027-03-31')).status).toBe(404);
    expect((await api.call('POST', `/v1/requests/${requestId}/pre-admissions`, structureToken(other.id, '15'), { structureId: chrs.id, entryDate: '2027-03-31' })).status).toBe(404);

    const audited = await queryRows(`SELECT actor, action FROM ${service.schema}.audit_log WHERE resource_id = $1 AND action = 'read'`, [requestId]);
    expect(audited).toEqual(expect.arrayContaining([{ actor: `staff-${chrs.id.slice(0, 8)}`, action: 'read' }]));
  });

  it('keeps each SIAO to its département: 403 on a département named, 404 on an id', async () => {
    const submission = aSubmission('15');
    await submit(producer, submission);
    const requestId = await requestOf(service, submission.referralId, 'awaiting_review');
    const structure = await api.createStructure('15', { area: 'Aurillac' });
    expect((await api.queue('15', siaoToken('63'))).status).toBe(403);
    expect((await api.call('GET', `/v1/requests/${requestId}`, siaoToken('63'))).status).toBe(404);
    expect((await api.call('GET', `/v1/structures/${structure.id}`, siaoToken('63'))).status).toBe(404);
    expect((await api.call('POST', '/v1/structures', siaoToken('63'), { ...structureBody(), departement: '15' })).status).toBe(403);
    expect((await api.call('POST', `/v1/requests/${requestId}/return`, siaoToken('63'), { missing: ['x'] })).status).toBe(404);
    expect((await api.queue('15', mintDevToken({ subject: 'spip', roles: ['spip'], departements: ['15'] }))).status).toBe(403);
    expect((await api.queue('15', mintDevToken({ subject: 'pref', roles: ['prefecture'], departements: ['15'] }))).status).toBe(403);
    expect((await api.call('GET', '/v1/queue?departement=15', undefined)).status).toBe(401);
    expect((await api.call('POST', '/v1/admin/lapse-sweep', siaoToken('15'))).status).toBe(403);
  });

  it('answers bad input with the field and the rule, and changes nothing', async () => {
    const bad = await api.call('POST', '/v1/structures', siaoToken('15'), { ...structureBody(), capacity: -1, type: 'hotel', extra: 1 });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(expect.arrayContaining(['capacity:min', 'type:isIn', 'extra:whitelistValidation']));
    const inconsistent = await api.call('POST', '/v1/structures', siaoToken('15'), { ...structureBody(), capacity: 2, reservedJusticePlaces: 2, volantePlaces: 1 });
    expect(inconsistent.status).toBe(422);
    expect(fieldsOf(inconsistent.body)).toEqual(['reservedJusticePlaces:withinCapacity']);
    expect((await api.queue('15', siaoToken('15'), '&pageSize=5000')).status).toBe(400);
    expect((await api.call('GET', '/v1/queue?departement=20', siaoToken('15'))).status).toBe(400);
    expect((await api.call('GET', '/v1/requests/not-a-uuid', siaoToken('15'))).status).toBe(400);
    expect((await api.queue('15', siaoToken('15'), '&page=100000')).status).toBe(400);
    const existing = await api.createStructure('15', { area: 'Aurillac' });
    const nulls = await api.call('PATCH', `/v1/structures/${existing.id}`, siaoToken('15'), { name: null, capacity: null });
    expect(nulls.status).toBe(400);
    expect(fieldsOf(nulls.body)).toEqual(expect.arrayContaining(['name:isString', 'capacity:isInt']));

    const submission = aSubmission('15', { consent: { givenOn: '2026-11-02', recipients: ['siao'] } });
    await submit(producer, submission);
    const requestId = await requestOf(service, submission.referralId, 'awaiting_review');
    const structure = await api.createStructure('15', { area: 'Aurillac' });
    const sessionId = await api.planSession('15', todayOf(service));
    expect(fieldsOf((await api.call('POST', '/v1/sessions', siaoToken('15'), { departement: '15', sessionDate: '2020-01-01', members: ['SIAO'] })).body))
      .toEqual(['sessionDate:notInThePast']);
    await api.schedule('15', sessionId, [requestId]);
    const medical = await api.decide('15', sessionId, { requestId, decision: 'orientation', structureType: 'chrs', preconisation: 'Suivi psychiatrique à organiser' });
    expect(medical.status).toBe(422);
    expect(fieldsOf(medical.body)).toEqual(['preconisation:noHealthData']);
    const withoutConsent = await api.decide('15', sessionId, { requestId, decision: 'orientation', structureId: structure.id });
    expect(fieldsOf(withoutConsent.body)).toEqual(['structureId:consentNamesHostStructures']);
    expect(fieldsOf((await api.decide('15', sessionId, { requestId, decision: 'orientation' })).body)).toEqual(['structureType:typeOrStructure']);
    expect(fieldsOf((await api.decide('15', sessionId, { requestId, decision: 'deferral', reason: 'no_place_now' })).body)).toEqual(['reconsiderOn:isCalendarDate']);
    const rows = await queryRows(`SELECT status, orientation FROM ${service.schema}.housing_requests WHERE id = $1`, [requestId]);
    expect(rows).toEqual([{ status: 'scheduled', orientation: null }]);
  });
});

function structureBody() {
  return {
    name: 'CHRS', type: 'chrs', departement: '15', area: 'Aurillac', capacity: 5, reservedJusticePlaces: 1, volantePlaces: 0,
    accepts: { men: true, women: true, couples: false, children: false, animals: false, reducedMobility: false },
  };
}
