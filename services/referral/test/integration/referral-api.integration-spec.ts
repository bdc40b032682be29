import { randomUUID } from 'node:crypto';
import { mintDevToken } from '@passerelle/auth';
import { parisDate } from '@passerelle/service-kit';
import { lscReviewDueV1, personReleasedV1, personTransferredV1, Topics } from '@passerelle/contracts';
import { expectEventually, queryRows, RunningService, startService, testKafka, testPool, TopicProbe } from '@passerelle/testing';
import { Producer } from 'kafkajs';
import { referralService } from '../../src/referral.definition';
import { ReferralModule } from '../../src/referral.module';
import {
  aPerson, COMPLETE_FILE, completeAndSubmit, CONSENT, IDENTITY, openReferral, publisher, referralApi, SOCIAL_EVALUATION, tokens,
} from '../support/referral-fixtures';

/** What the SIAO receives: routing, urgency and what orientation needs. No name, no evaluation text, no diagnosis. */
const SUBMITTED_KEYS = [
  'referralId', 'personId', 'detentionId', 'spipDepartement', 'siaoDepartement', 'expectedReleaseDate', 'urgent', 'submission',
  'household', 'needs', 'resources', 'rightsToReopen', 'preferredTerritories', 'careContinuity', 'consent',
].sort();

describe('referral: the SPIP completes and submits the request, the SIAO reads it', () => {
  let service: RunningService;
  let producer: Producer;
  let probe: TopicProbe;
  let api: ReturnType<typeof referralApi>;
  let publish: ReturnType<typeof publisher>;

  beforeAll(async () => {
    service = await startService(ReferralModule, referralService);
    producer = testKafka().producer();
    await producer.connect();
    probe = await TopicProbe.start(testKafka(), [Topics.referral]);
    api = referralApi(service);
    publish = publisher(producer);
  });

  afterAll(async () => {
    await probe.stop();
    await producer.disconnect();
    await service.close();
  });

  const published = async (personId: string, type: string) => {
    const records = await service.recordsPublished(probe);
    return records.filter((r) => r.key === personId && r.header('ce_type') === `referral.${type}.v1`);
  };
  const fieldsOf = (body: { violations: { field: string; rule: string }[] }) => body.violations.map((v) => `${v.field}:${v.rule}`);

  it('completes the file in parts, refuses a submission naming what is missing, then submits once with consent', async () => {
    const { id, ref } = await openReferral(service, producer);

    const early = await api.submit(id);
    expect(early.status).toBe(422);
    expect(fieldsOf(early.body)).toEqual(expect.arrayContaining(['household:required', 'rights.bank_account:required', 'consent:givenForSiao']));

    const partial = await api.complete(id, { household: COMPLETE_FILE.household, needs: COMPLETE_FILE.needs, resources: ['rsa'] });
    expect(partial.status).toBe(200);
    expect(partial.body.missingForSubmission.map((v: { field: string }) => v.field)).not.toContain('household');

    const medical = await api.complete(id, { socialEvaluation: 'Suivi psychiatrique, traitement par méthadone' });
    expect(medical.status).toBe(422);
    expect(fieldsOf(medical.body)).toEqual(['socialEvaluation:noHealthData']);

    expect((await api.complete(id, COMPLETE_FILE)).status).toBe(200);
    const noConsent = await api.submit(id);
    expect(noConsent.status).toBe(422);
    expect(fieldsOf(noConsent.body)).toEqual(['consent:givenForSiao']);

    expect((await api.consent(id)).status).toBe(200);
    const submitted = await api.submit(id);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', submissions: 1, missingForSubmission: [] });
    expect((await api.submit(id)).status).toBe(409);
    expect((await api.complete(id, { careContinuity: false })).status).toBe(409);

    const [event] = await expectEventually(async () => {
      const found = await published(ref.personId, 'request.submitted');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(Object.keys(event.json<object>()).sort()).toEqual(SUBMITTED_KEYS);
    expect(event.json()).toMatchObject({
      referralId: id, submission: 1, careContinuity: true, rightsToReopen: ['health_insurance', 'france_travail'],
      household: { composition: 'alone', applicantGender: 'woman', childrenAges: [] }, consent: { givenOn: CONSENT.decidedOn, recipients: ['siao', 'host_structures'] },
    });
    for (const secret of [IDENTITY.lastName, IDENTITY.firstNames, IDENTITY.birthDate, SOCIAL_EVALUATION]) expect(event.value).not.toContain(secret);
  });

  it('answers 400 naming the field for malformed input, 422 for an empty update, 404 outside the territory, 403 and 401', async () => {
    const { id } = await openReferral(service, producer);

    const unknown = await api.complete(id, { diagnosis: 'x' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.violations[0]).toMatchObject({ field: 'diagnosis' });
    const wrongType = await api.complete(id, { careContinuity: 'yes', household: { composition: 'family', childrenAges: [-1] } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.violations.map((v: { field: string }) => v.field)).toEqual(
      expect.arrayContaining(['careContinuity', 'household.composition', 'household.childrenAges']));
    const inconsistent = await api.complete(id, { household: { composition: 'couple_with_children', applicantGender: 'woman', childrenAges: [] } });
    expect(fieldsOf(inconsistent.body)).toEqual(['household.childrenAges:requiredWithChildren']);
    expect((await api.complete(id, {})).status).toBe(422);
    const array = await api.complete(id, { household: [], needs: 'none' });
    expect(array.status).toBe(400);
    expect(array.body.violations.map((v: { field: string }) => v.field)).toEqual(expect.arrayContaining(['household', 'needs']));
    expect(fieldsOf((await api.complete(id, { careContinuity: null })).body)).toEqual(['careContinuity:notNull']);
    expect((await api.consent(id, { ...CONSENT, decidedOn: '2099-01-01' })).status).toBe(422);
    expect((await api.withdraw(id, 'bored')).status).toBe(400);

    expect((await api.get(id, tokens.spip84)).status).toBe(404);
    expect((await api.complete(id, { careContinuity: true }, tokens.spip84)).status).toBe(404);
    expect((await api.get(id, tokens.prefecture13)).status).toBe(403);
    expect((await api.get(id, tokens.admin)).status).toBe(200);
    expect((await api.call('GET', `/v1/referrals/${id}`, undefined)).status).toBe(401);
    expect((await api.get('not-a-uuid')).status).toBe(400);
    expect((await api.get(randomUUID())).status).toBe(404);
  });

  it('lets the SIAO read only what was submitted to it with consent in force, and audits every read', async () => {
    const sent = await openReferral(service, producer);
    const kept = await openReferral(service, producer);
    await completeAndSubmit(api, sent.id);

    const read = await api.get(sent.id, tokens.siao13);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ identity: IDENTITY, file: { socialEvaluation: SOCIAL_EVALUATION } });
    expect(read.body.timeline.map((e: { entry: string }) => e.entry)).toEqual(['Opened', 'FileUpdated', 'ConsentRecorded', 'Submitted']);
    expect((await api.get(kept.id, tokens.siao13)).status).toBe(404);
    const listed = await api.list('pageSize=200', tokens.siao13);
    const ids = listed.body.items.map((item: { id: string }) => item.id);
    expect(ids).toContain(sent.id);
    expect(ids).not.toContain(kept.id);

    const withdrawn = await api.withdrawConsent(sent.id, '2026-11-20');
    expect(withdrawn.body).toMatchObject({ status: 'to_complete', consent: { withdrawnOn: '2026-11-20' } });
    expect((await api.get(sent.id, tokens.siao13)).status).toBe(404);
    await expectEventually(async () => expect((await published(sent.ref.personId, 'request.withdrawn')).map((r) => r.json())).toEqual([
      expect.objectContaining({ reason: 'consent_withdrawn' }),
    ]));

    const audit = await queryRows(`SELECT actor, action FROM ${service.schema}.audit_log WHERE person_id = $1 AND actor = 'siao-13'`, [sent.ref.personId]);
    expect(audit).toEqual(expect.arrayContaining([{ actor: 'siao-13', action: 'read' }]));
  });

  it('lists the caseload sorted by days to release, with its filters', async () => {
    // Every test service reads the topics from the start: a fresh establishment keeps earlier runs' cases out.
    const establishment = `CP-${randomUUID().slice(0, 8)}`;
    const opened = [];
    for (const expectedReleaseDate of ['2027-05-31', '2027-01-15', '2027-03-01']) {
      opened.push(await openReferral(service, producer, { spipDepartement: '971', destinationDepartement: '971', expectedReleaseDate }, establishment));
    }
    const spip971 = mintDevToken({ subject: 'cpip-971', roles: ['spip'], departements: ['971'] });
    const list = (query: string) => api.list(`establishment=${establishment}&${query}`, spip971);

    const all = await list('');
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((item: { expectedReleaseDate: string }) => item.expectedReleaseDate)).toEqual(['2027-01-15', '2027-03-01', '2027-05-31']);
    const today = parisDate(new Date());
    expect(all.body.items[0].daysToRelease).toBe((Date.parse('2027-01-15') - Date.parse(today)) / 86_400_000);
    expect((await list('dueBefore=2027-03-01')).body.total).toBe(2);
    expect((await list('status=to_complete&spip=971')).body.total).toBe(3);
    expect((await list('status=submitted')).body.total).toBe(0);
    expect((await list('pageSize=1&page=2')).body.items.map((item: { id: string }) => item.id)).toEqual([opened[2].id]);
    expect((await api.list(`establishment=${establishment}`, tokens.spip13)).body.total).toBe(0);
    expect((await list('status=lost')).status).toBe(400);
  });

  it('is withdrawn with a reason; a transfer moves it to the new SPIP', async () => {
    const withdrawn = await openReferral(service, producer);
    expect((await api.withdraw(withdrawn.id, 'other_solution')).body).toMatchObject({ status: 'withdrawn' });
    expect((await api.withdraw(withdrawn.id, 'other_solution')).status).toBe(409);
    await expectEventually(async () => expect((await published(withdrawn.ref.personId, 'request.withdrawn')).map((r) => r.json())).toEqual([
      expect.objectContaining({ reason: 'other_solution', referralId: withdrawn.id }),
    ]));

    const moved = await openReferral(service, producer);
    await publish(personTransferredV1, {
      ...moved.ref, spipDepartement: '84', previousSpipDepartement: '13', transferredOn: '2026-11-20',
      fromEstablishmentCode: 'CP-MARSEILLE', toEstablishmentCode: 'CP-AVIGNON', toEstablishmentName: 'CP Avignon-Le Pontet',
    });
    const reassigned = await expectEventually(async () => {
      const found = await api.get(moved.id, tokens.spip84);
      expect(found.status).toBe(200);
      return found.body;
    });
    expect(reassigned).toMatchObject({ spipDepartement: '84', establishmentCode: 'CP-AVIGNON', status: 'to_complete' });
    expect((await api.get(moved.id, tokens.spip13)).status).toBe(404);
  });

  it('raises "LSC at risk" and stalled-request alerts, listed for the SPIP without identity', async () => {
    const lsc = await openReferral(service, producer);
    await publish(lscReviewDueV1, { ...lsc.ref, reviewOn: '2027-01-01' });
    const alert = await expectEventually(async () => {
      const found = (await api.alerts('kind=lsc_at_risk')).body.find((a: { referralId: string }) => a.referralId === lsc.id);
      expect(found).toBeDefined();
      return found;
    });
    expect(alert).toMatchObject({ kind: 'lsc_at_risk', level: 'critical', personId: lsc.ref.personId });
    expect(JSON.stringify(alert)).not.toContain(IDENTITY.lastName);

    const stalled = await openReferral(service, producer);
    service.clock.set(new Date(Date.now() + 15 * 86_400_000));
    try {
      const sweep = await api.call('POST', '/v1/admin/stall-sweep', tokens.admin);
      expect(sweep.status).toBe(200);
      expect(sweep.body.raised).toBeGreaterThanOrEqual(1);
      expect((await api.call('POST', '/v1/admin/stall-sweep', tokens.spip13)).status).toBe(403);
    } finally {
      service.clock.set(new Date());
    }
    const opened = await api.get(stalled.id);
    expect(opened.body.openAlerts).toEqual([expect.objectContaining({ kind: 'stalled_incomplete', level: 'warning' })]);
    await expectEventually(async () => expect((await published(stalled.ref.personId, 'alert.raised')).map((r) => r.json())).toEqual([
      expect.objectContaining({ kind: 'stalled_incomplete' }),
    ]));
  });

  it('sweeps past a request a consumer holds, then takes it once released', async () => {
    const free = await openReferral(service, producer);
    const held = await openReferral(service, producer);
    const openKinds = async (id: string) => (await api.get(id)).body.openAlerts.map((a: { kind: string }) => a.kind);
    const pool = testPool(1);
    const holder = await pool.connect();
    await holder.query('BEGIN');
    await holder.query(`SELECT 1 FROM ${service.schema}.referrals WHERE id = $1 FOR UPDATE`, [held.id]);
    service.clock.set(new Date(Date.now() + 15 * 86_400_000));
    try {
      const sweep = api.call('POST', '/v1/admin/stall-sweep', tokens.admin);
      // Committed while the other is still held: the sweep did not wait holding this one.
      await expectEventually(async () => expect(await openKinds(free.id)).toEqual(['stalled_incomplete']), { timeoutMs: 10_000 });
      expect(await openKinds(held.id)).toEqual([]);
      await holder.query('COMMIT');
      expect((await sweep).status).toBe(200);
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
      await pool.end();
      service.clock.set(new Date());
    }
    expect(await openKinds(held.id)).toEqual(['stalled_incomplete']);
  });

  it('records one sortie sèche "no_request" for a release before any request was opened', async () => {
    const { ref } = aPerson();
    const released = { ...ref, releasedOn: '2026-11-20', releaseKind: 'end_of_sentence' as const };
    await publish(personReleasedV1, released, released);
    const found = await expectEventually(async () => {
      const records = await published(ref.personId, 'sortie-seche.recorded');
      expect(records).toHaveLength(1);
      return records[0];
    });
    expect(found.json()).toEqual({
      personId: ref.personId, detentionId: ref.detentionId, spipDepartement: '13', siaoDepartement: '13',
      expectedReleaseDate: ref.expectedReleaseDate, reason: 'no_request', releasedOn: '2026-11-20',
    });
    const register = await queryRows(`SELECT reason FROM ${service.schema}.sorties_seches WHERE detention_id = $1`, [ref.detentionId]);
    expect(register).toEqual([{ reason: 'no_request' }]);
  });
});
