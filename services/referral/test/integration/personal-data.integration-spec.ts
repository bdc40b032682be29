import { Producer } from 'kafkajs';
import { mintDevToken } from '@passerelle/auth';
import { personReleasedV1 } from '@passerelle/contracts';
import { expectEventually, jsonClient, queryRows, RunningService, startService, testKafka } from '@passerelle/testing';
import { referralService } from '../../src/referral.definition';
import { ReferralModule } from '../../src/referral.module';
import { aPerson, COMPLETE_FILE, CONSENT, openReferral, publisher, SOCIAL_EVALUATION } from '../support/referral-fixtures';

const DEPARTEMENT = '03';
const spip03 = mintDevToken({ subject: 'cpip-03', roles: ['spip'], departements: [DEPARTEMENT] });
const admin = mintDevToken({ subject: 'dpo', roles: ['admin'], departements: [] });
const FILE_FIELDS = /household|careContinuity|consent|preferredTerritories|Durand|Léa|1988-02-29/;

describe('referral: retention and subject access', () => {
  let service: RunningService;
  let producer: Producer;

  beforeAll(async () => {
    service = await startService(ReferralModule, referralService);
    producer = testKafka().producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
    await service.close();
  });

  const call = () => jsonClient(service.url);
  const referralRow = async (id: string) => (await queryRows(`SELECT * FROM ${service.schema}.referrals WHERE id = $1`, [id]))[0];
  const inDepartement = (expectedReleaseDate: string) => ({ spipDepartement: DEPARTEMENT, destinationDepartement: DEPARTEMENT, expectedReleaseDate });
  const submitted = async (expectedReleaseDate: string) => {
    const referral = await openReferral(service, producer, inDepartement(expectedReleaseDate));
    expect((await call()('PATCH', `/v1/referrals/${referral.id}`, spip03, COMPLETE_FILE)).status).toBe(200);
    expect((await call()('PUT', `/v1/referrals/${referral.id}/consent`, spip03, CONSENT)).status).toBe(200);
    expect((await call()('POST', `/v1/referrals/${referral.id}/submission`, spip03)).status).toBe(200);
    return referral;
  };

  it('erases the identity, file and consent of requests closed more than 24 months ago, once, and keeps the others', async () => {
    const old = await submitted('2026-12-15');
    await publisher(producer)(personReleasedV1, { ...old.ref, releasedOn: '2026-11-20', releaseKind: 'end_of_sentence' as const });
    await expectEventually(async () => expect((await referralRow(old.id)).status).toBe('closed'));
    const recent = await submitted('2028-12-20');
    expect((await call()('POST', `/v1/referrals/${recent.id}/withdrawal`, spip03, { reason: 'other_solution' })).status).toBe(200);
    const open = await submitted('2026-12-15');
    const withdrawnInPrison = await submitted('2026-12-15');
    expect((await call()('POST', `/v1/referrals/${withdrawnInPrison.id}/withdrawal`, spip03, { reason: 'other_solution' })).status).toBe(200);
    await expectEventually(async () => {
      const published = await queryRows<{ data: object }>(`SELECT data FROM ${service.schema}.outbox WHERE partition_key = $1 AND published_at IS NOT NULL`, [old.ref.personId]);
      expect(JSON.stringify(published)).toMatch(FILE_FIELDS);
      expect(await queryRows(`SELECT 1 FROM ${service.schema}.outbox WHERE partition_key = $1 AND published_at IS NULL`, [old.ref.personId])).toEqual([]);
    });

    service.clock.set('2029-01-15T12:00:00+01:00');
    const sweep = await call()('POST', '/v1/admin/retention-sweep', admin);
    expect(sweep.status).toBe(200);
    expect(sweep.body).toMatchObject({ today: '2029-01-15', closedBefore: '2027-01-15' });
    expect(sweep.body.erased).toBeGreaterThanOrEqual(1);

    const erased = await referralRow(old.id);
    expect(erased).toMatchObject({ last_name: '', first_names: '', birth_date: null, file: { rights: {} }, consent: null, status: 'closed', siao_departement: DEPARTEMENT });
    const outbox = await queryRows(`SELECT type, data FROM ${service.schema}.outbox WHERE partition_key = $1`, [old.ref.personId]);
    expect(outbox.map(({ type }) => type)).toContain('referral.request.submitted.v1');
    expect(JSON.stringify(outbox)).not.toMatch(FILE_FIELDS);
    expect(await queryRows(`SELECT 1 FROM ${service.schema}.sorties_seches WHERE person_id = $1`, [old.ref.personId])).toHaveLength(1);
    for (const id of [recent.id, open.id, withdrawnInPrison.id]) {
      expect(await referralRow(id)).toMatchObject({ last_name: 'Durand', erased_on: null, file: expect.objectContaining({ socialEvaluation: SOCIAL_EVALUATION }) });
    }

    const before = await referralRow(old.id);
    expect((await call()('POST', '/v1/admin/retention-sweep', admin)).status).toBe(200);
    expect(await referralRow(old.id)).toEqual(before);
    const erasures = await queryRows(`SELECT resource_id FROM ${service.schema}.audit_log WHERE action = 'erase' AND person_id = $1`, [old.ref.personId]);
    expect(erasures).toEqual([{ resource_id: old.id }]);
  });

  it('exports everything held on one person and nothing on another, and audits the export', async () => {
    const person = await submitted('2027-05-31');
    const other = aPerson(inDepartement('2027-05-31'));
    await openReferral(service, producer, other.ref);

    const exported = await call()('GET', `/v1/admin/people/${person.ref.personId}/export`, admin);
    expect(exported.status).toBe(200);
    expect(exported.body.tables.referrals).toEqual([expect.objectContaining({ id: person.id, last_name: 'Durand' })]);
    expect(exported.body.tables.referral_timeline.map((row: { entry: string }) => row.entry)).toEqual(expect.arrayContaining(['Opened', 'Submitted']));
    expect(exported.body.tables.outbox.map((row: { type: string }) => row.type)).toContain('referral.request.submitted.v1');
    expect(exported.body.tables.inbox).toEqual([expect.objectContaining({ type: 'release-calendar.window.opened.v1' })]);
    expect(exported.body.tables.audit_log.map((row: { action: string }) => row.action)).toContain('export');
    expect(JSON.stringify(exported.body)).not.toContain(other.ref.personId);
    expect((await call()('GET', `/v1/admin/people/${person.ref.personId}/export`, spip03)).status).toBe(403);
  });
});
