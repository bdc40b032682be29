import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { mintDevToken } from '@passerelle/auth';
import { DetentionRef, EventDescriptor, windowOpenedV1, WindowOpenedV1 } from '@passerelle/contracts';
import { cloudEventOf, expectEventually, jsonClient, publishEvents, queryRows, RunningService } from '@passerelle/testing';

export const tokens = {
  spip13: mintDevToken({ subject: 'cpip-13', roles: ['spip'], departements: ['13'] }),
  spip84: mintDevToken({ subject: 'cpip-84', roles: ['spip'], departements: ['84'] }),
  siao13: mintDevToken({ subject: 'siao-13', roles: ['siao'], departements: ['13'] }),
  prefecture13: mintDevToken({ subject: 'pref-13', roles: ['prefecture'], departements: ['13'] }),
  admin: mintDevToken({ subject: 'admin', roles: ['admin'], departements: [] }),
};

export const IDENTITY = { lastName: 'Durand', firstNames: 'Léa', birthDate: '1988-02-29' };
export const SOCIAL_EVALUATION = 'Souhaite un logement autonome près de sa sœur; travaillait en restauration.';

/** Every element a submission needs, as the SPIP would send it. */
export const COMPLETE_FILE = {
  household: { composition: 'alone', applicantGender: 'woman', childrenAges: [] },
  needs: { reducedMobility: false, animals: true },
  resources: ['rsa'],
  rights: { identity_papers: 'open', health_insurance: 'to_reopen', bank_account: 'open', france_travail: 'to_reopen', rsa_or_aah: 'not_applicable' },
  preferredTerritories: ['Marseille'],
  careContinuity: true,
  socialEvaluation: SOCIAL_EVALUATION,
};

export const CONSENT = { decision: 'given', decidedOn: '2026-11-02', scope: 'Orientation vers un hébergement à la sortie', recipients: ['siao', 'host_structures'] };

export function aPerson(overrides: Partial<DetentionRef> = {}, establishmentCode = 'CP-MARSEILLE') {
  const ref: DetentionRef = {
    detentionId: randomUUID(), personId: randomUUID(), spipDepartement: '13', destinationDepartement: '13', expectedReleaseDate: '2027-03-31',
    ...overrides,
  };
  const opened: WindowOpenedV1 = {
    ...ref, opensOn: '2026-09-30', urgent: false, establishmentCode, establishmentName: 'CP de Marseille', identity: IDENTITY,
  };
  return { ref, opened };
}

export function publisher(producer: Producer) {
  return <T extends object>(descriptor: EventDescriptor<T>, ...payloads: T[]) =>
    publishEvents(producer, descriptor, ...payloads.map((payload) => cloudEventOf(descriptor, payload)));
}

/** The referral the window's opening created, once the service has handled it. */
export async function openedReferralId(service: RunningService, detentionId: string): Promise<string> {
  return expectEventually(async () => {
    const rows = await queryRows<{ id: string }>(`SELECT id FROM ${service.schema}.referrals WHERE detention_id = $1`, [detentionId]);
    expect(rows).toHaveLength(1);
    return rows[0].id;
  });
}

export async function openReferral(service: RunningService, producer: Producer, overrides: Partial<DetentionRef> = {}, establishmentCode?: string) {
  const person = aPerson(overrides, establishmentCode);
  await publisher(producer)(windowOpenedV1, person.opened);
  return { ...person, id: await openedReferralId(service, person.ref.detentionId) };
}

/** The referral API as a client calls it: JSON in, status and JSON out. */
export function referralApi(service: RunningService) {
  const call = jsonClient(service.url);
  return {
    call,
    get: (id: string, token = tokens.spip13) => call('GET', `/v1/referrals/${id}`, token),
    list: (query: string, token = tokens.spip13) => call('GET', `/v1/referrals?${query}`, token),
    complete: (id: string, body: unknown, token = tokens.spip13) => call('PATCH', `/v1/referrals/${id}`, token, body),
    consent: (id: string, body: unknown = CONSENT, token = tokens.spip13) => call('PUT', `/v1/referrals/${id}/consent`, token, body),
    withdrawConsent: (id: string, withdrawnOn: string, token = tokens.spip13) => call('POST', `/v1/referrals/${id}/consent/withdrawal`, token, { withdrawnOn }),
    submit: (id: string, token = tokens.spip13) => call('POST', `/v1/referrals/${id}/submission`, token),
    withdraw: (id: string, reason: string, token = tokens.spip13) => call('POST', `/v1/referrals/${id}/withdrawal`, token, { reason }),
    alerts: (query = '', token = tokens.spip13) => call('GET', `/v1/alerts?${query}`, token),
  };
}

export async function completeAndSubmit(api: ReturnType<typeof referralApi>, id: string) {
  expect((await api.complete(id, COMPLETE_FILE)).status).toBe(200);
  expect((await api.consent(id)).status).toBe(200);
  const submitted = await api.submit(id);
  expect(submitted.status).toBe(200);
  return submitted.body;
}
