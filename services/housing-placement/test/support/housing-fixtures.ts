import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { mintDevToken } from '@passerelle/auth';
import { requestSubmittedV1, RequestSubmittedV1, Topics } from '@passerelle/contracts';
import { cloudEventOf, expectEventually, jsonClient, publishEvents, queryRows, RunningService, TopicProbe } from '@passerelle/testing';

export const siaoToken = (departement: string) => mintDevToken({ subject: `siao-${departement}`, roles: ['siao'], departements: [departement] });
export const structureToken = (structureId: string, departement: string) =>
  mintDevToken({ subject: `staff-${structureId.slice(0, 8)}`, roles: ['structure'], departements: [departement], organisation: structureId });
export const adminToken = () => mintDevToken({ subject: 'admin', roles: ['admin'], departements: [] });

const ACCEPTS_ALL = { men: true, women: true, couples: true, children: true, animals: true, reducedMobility: true };

export function aStructureBody(departement: string, overrides: Record<string, unknown> = {}) {
  return {
    name: `CHRS ${randomUUID().slice(0, 6)}`, type: 'chrs', departement, area: 'Ajaccio',
    capacity: 5, reservedJusticePlaces: 2, volantePlaces: 0, accepts: ACCEPTS_ALL, ...overrides,
  };
}

/** A submission as referral publishes it: a woman alone, complete unless a test says otherwise. */
export function aSubmission(departement: string, overrides: Partial<RequestSubmittedV1> = {}): RequestSubmittedV1 {
  return {
    referralId: randomUUID(), personId: randomUUID(), detentionId: randomUUID(), spipDepartement: departement, siaoDepartement: departement,
    expectedReleaseDate: '2027-03-31', urgent: false, submission: 1,
    household: { composition: 'alone', applicantGender: 'woman', childrenAges: [] },
    needs: { reducedMobility: false, animals: false }, resources: ['rsa'], rightsToReopen: ['health_insurance'],
    preferredTerritories: ['Ajaccio'], careContinuity: true,
    consent: { givenOn: '2026-11-02', recipients: ['siao', 'host_structures'] },
    ...overrides,
  };
}

export async function submit(producer: Producer, ...submissions: RequestSubmittedV1[]): Promise<void> {
  await publishEvents(producer, requestSubmittedV1, ...submissions.map((s) => cloudEventOf(requestSubmittedV1, s)));
}

/** The housing-placement API as a client calls it: JSON in, status and JSON out. */
export function housingApi(service: RunningService) {
  const call = jsonClient(service.url);
  return {
    call,
    createStructure: async (departement: string, overrides: Record<string, unknown> = {}) => {
      const created = await call('POST', '/v1/structures', siaoToken(departement), aStructureBody(departement, overrides));
      expect(created.status).toBe(201);
      return created.body as { id: string; name: string; type: string };
    },
    queue: (departement: string, token = siaoToken(departement), query = '') => call('GET', `/v1/queue?departement=${departement}${query}`, token),
    planSession: async (departement: string, sessionDate: string) => {
      const planned = await call('POST', '/v1/sessions', siaoToken(departement), { departement, sessionDate, members: ['SIAO', 'DDETS'] });
      expect(planned.status).toBe(201);
      return planned.body.id as string;
    },
    schedule: (departement: string, sessionId: string, requestIds: string[]) =>
      call('POST', `/v1/sessions/${sessionId}/agenda`, siaoToken(departement), { requestIds }),
    decide: (departement: string, sessionId: string, body: Record<string, unknown>) => call('POST', `/v1/sessions/${sessionId}/decisions`, siaoToken(departement), body),
    preAdmit: (departement: string, requestId: string, structureId: string, entryDate: string) =>
      call('POST', `/v1/requests/${requestId}/pre-admissions`, structureToken(structureId, departement), { structureId, entryDate }),
    refuse: (departement: string, requestId: string, structureId: string, reason: string) =>
      call('POST', `/v1/requests/${requestId}/pre-admission-refusals`, structureToken(structureId, departement), { structureId, reason }),
    confirm: (departement: string, placementId: string) => call('POST', `/v1/placements/${placementId}/confirmation`, siaoToken(departement)),
    declineByPerson: (departement: string, placementId: string) => call('POST', `/v1/placements/${placementId}/declined-by-person`, siaoToken(departement)),
    enter: (departement: string, placementId: string, structureId: string, enteredOn: string) =>
      call('POST', `/v1/placements/${placementId}/entry`, structureToken(structureId, departement), { enteredOn }),
  };
}

/** The request the submission created, once the service has handled it and it reached `status`. */
export async function requestOf(service: RunningService, referralId: string, status: string): Promise<string> {
  return expectEventually(async () => {
    const rows = await queryRows<{ id: string; status: string }>(`SELECT id, status FROM ${service.schema}.housing_requests WHERE referral_id = $1`, [referralId]);
    expect(rows).toEqual([{ id: expect.any(String), status }]);
    return rows[0].id;
  });
}

/** Event types this instance published about one person, without the service prefix and version. */
export async function typesFor(service: RunningService, probe: TopicProbe, personId: string): Promise<string[]> {
  return (await service.recordsPublished(probe))
    .filter((record) => record.topic === Topics.housingPlacement && record.key === personId)
    .map((record) => record.header('ce_type')!.replace('housing-placement.', '').replace('.v1', ''));
}

/** A request taken to an orientation to a type of structure, ready for the structures' answers. */
export async function orientedRequest(service: RunningService, producer: Producer, departement: string, overrides: Partial<RequestSubmittedV1> = {}) {
  const api = housingApi(service);
  const submission = aSubmission(departement, overrides);
  await submit(producer, submission);
  const requestId = await requestOf(service, submission.referralId, 'awaiting_review');
  const sessionId = await api.planSession(departement, todayOf(service));
  expect((await api.schedule(departement, sessionId, [requestId])).status).toBe(200);
  expect((await api.decide(departement, sessionId, { requestId, decision: 'orientation', structureType: 'chrs' })).status).toBe(200);
  return { submission, requestId, sessionId };
}

export function todayOf(service: RunningService): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(service.clock.now());
}
