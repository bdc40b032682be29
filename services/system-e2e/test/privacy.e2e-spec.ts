import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Topics } from '@passerelle/contracts';
import { medicalTermIn } from '@passerelle/domain-kernel';
import { expectEventually, testKafka, TopicProbe } from '@passerelle/testing';
import { JsonCall, jsonClient, parisNoon, SERVICE_NAMES, strictJsonClient, SystemProcesses, tokens, waitCaughtUp, WebhookReceiver } from '@passerelle/system-driver';

/** Département 07: no other test file works in it, so its figures, webhooks and people are this file's. */
const D = '07';
const ROOT = path.resolve(__dirname, '../../..');
const OFFENCE = 'Vol avec violence en réunion';
const SOCIAL_EVALUATION = 'Suivi en addictologie à poursuivre à la sortie; souhaite rester près de Privas.';
const ACCEPTS_ALL = { men: true, women: true, couples: true, children: true, animals: true, reducedMobility: true };
const COMPLETE_FILE = {
  household: { composition: 'alone', applicantGender: 'man', childrenAges: [] }, needs: { reducedMobility: false, animals: false }, resources: ['rsa'],
  rights: { identity_papers: 'open', health_insurance: 'to_reopen', bank_account: 'open', france_travail: 'to_reopen', rsa_or_aah: 'not_applicable' },
  preferredTerritories: ['Privas'], careContinuity: true, socialEvaluation: SOCIAL_EVALUATION,
};

/** Every string anywhere in a JSON value, keys included. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => [key, ...stringsIn(inner)]);
  return [];
}

/** What a structure or a préfecture could read: no medical term, no offence, and for these, no care flag either. */
function expectNothingSensitive(seen: unknown[]): void {
  const strings = seen.flatMap(stringsIn);
  expect(strings.length).toBeGreaterThan(0);
  expect(strings.filter((text) => medicalTermIn(text) !== undefined)).toEqual([]);
  expect(strings.filter((text) => /infraction|offen[cs]e|violence|addictolog|careContinuity|socialEvaluation/i.test(text))).toEqual([]);
}

/**
 * Privacy on the whole system: a person's file with a care-continuity flag and an offence in the
 * registry export goes all the way to housing; a structure and the préfecture never read a health
 * term or the offence; the subject-access export gathers the four services' rows on the person;
 * 25 months after the case closed the retention sweeps erase it, and the figures do not move.
 */
describe('privacy, on the whole system', () => {
  let system: SystemProcesses;
  let receiver: WebhookReceiver;
  let probe: TopicProbe;
  const runId = `e2e_privacy_${randomUUID().slice(0, 8)}`;
  const api = (name: (typeof SERVICE_NAMES)[number]): JsonCall => strictJsonClient(system.urls[name]);
  const spip = tokens.of('spip', [D]);
  const siao = tokens.of('siao', [D]);
  const prefecture = tokens.of('prefecture', [D]);
  const ecrou = `P${Math.floor(Math.random() * 1e9)}`;
  const releasedOn = '2027-01-29';
  let structureId: string;
  let personId: string;
  let otherPersonId: string;
  const exportOf = async (name: (typeof SERVICE_NAMES)[number], person: string) => (await api(name)('GET', `/v1/admin/people/${person}/export`, tokens.admin())).body;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    system = await SystemProcesses.start({ runId, logDir: path.join(ROOT, '.local/logs', runId) });
    // After the start: notification creates its topic on a fresh broker.
    probe = await TopicProbe.start(testKafka(), [Topics.prefectureIndicators]);
    // Fresh consumer groups replay the shared topics from the start: after the other suites, that takes minutes.
    await waitCaughtUp(system.urls);
    await system.letTimePassTo(parisNoon('2026-12-01'));
    structureId = (await api('housing-placement')('POST', '/v1/structures', siao, {
      name: 'CHRS Le Rocher', type: 'chrs', departement: D, area: 'Privas', capacity: 10, reservedJusticePlaces: 2, volantePlaces: 0, accepts: ACCEPTS_ALL,
    })).body.id;
    const structure = tokens.of('structure', [D], structureId);
    await api('notification')('POST', '/v1/subscriptions', structure, {
      url: receiver.url('/structure'), eventTypes: ['*'], departements: [D], role: 'structure',
    });
  });

  afterAll(async () => {
    await system?.stop();
    await receiver?.stop();
    await probe?.stop();
  });

  it('refuses an offence sent with a detention, and keeps none from a registry export that has one', async () => {
    const refused = await jsonClient(system.urls['release-calendar'])('POST', '/v1/detentions', spip, {
      personId: randomUUID(), identity: { lastName: 'Roux', firstNames: 'Hugo', birthDate: '1985-03-02' }, ecrou: `X${ecrou}`, establishmentCode: 'MA-PRIVAS',
      establishmentName: 'Maison d’arrêt de Privas', spipDepartement: D, incarcerationDate: '2026-06-01', expectedReleaseDate: releasedOn,
      expectedReleaseKind: 'end_of_sentence', offence: OFFENCE,
    });
    expect(refused.status).toBe(400);
    const csv = [
      'ecrou;establishment_code;establishment_name;last_name;first_names;birth_date;spip_departement;incarceration_date;expected_release_date;expected_release_kind;nature_infraction',
      `${ecrou};MA-PRIVAS;Maison d'arrêt de Privas;Roux;Hugo;1985-03-02;${D};2026-06-01;${releasedOn};end_of_sentence;${OFFENCE}`,
      `${ecrou}2;MA-PRIVAS;Maison d'arrêt de Privas;Blanc;Théo;1990-08-12;${D};2026-06-01;2027-05-28;end_of_sentence;${OFFENCE}`,
    ].join('\n');
    const imported = await fetch(`${system.urls['release-calendar']}/v1/imports`, {
      method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${spip}` }, body: csv,
    });
    expect(imported.status).toBeLessThan(300);
    const listed = (await api('release-calendar')('GET', `/v1/detentions?departement=${D}`, spip)).body;
    const detentions = (Array.isArray(listed) ? listed : listed.items) as Array<{ personId: string; ecrou: string }>;
    personId = detentions.find((d) => d.ecrou === ecrou)!.personId;
    otherPersonId = detentions.find((d) => d.ecrou === `${ecrou}2`)!.personId;
    expect(JSON.stringify(await exportOf('release-calendar', personId))).not.toMatch(/infraction|Vol avec/);
  });

  it('takes the file to housing; a structure and the préfecture read no health term and no offence', async () => {
    const referralId = await expectEventually(async () => (await exportOf('referral', personId)).tables.referrals[0].id as string);
    await api('referral')('PATCH', `/v1/referrals/${referralId}`, spip, COMPLETE_FILE);
    await api('referral')('PUT', `/v1/referrals/${referralId}/consent`, spip, {
      decision: 'given', decidedOn: '2026-11-30', scope: 'Orientation vers un hébergement à la sortie', recipients: ['siao', 'host_structures'],
    });
    await api('referral')('POST', `/v1/referrals/${referralId}/submission`, spip);
    const requestId = await expectEventually(async () => (await exportOf('housing-placement', personId)).tables.housing_requests[0].id as string);
    const sessionId = (await api('housing-placement')('POST', '/v1/sessions', siao, { departement: D, sessionDate: '2026-12-01', members: ['SIAO', 'DDETS'] })).body.id;
    await api('housing-placement')('POST', `/v1/sessions/${sessionId}/agenda`, siao, { requestIds: [requestId] });
    await api('housing-placement')('POST', `/v1/sessions/${sessionId}/decisions`, siao, { requestId, decision: 'orientation', structureType: 'chrs', structureId });
    const structure = tokens.of('structure', [D], structureId);
    const placementId = (await api('housing-placement')('POST', `/v1/requests/${requestId}/pre-admissions`, structure, { structureId, entryDate: releasedOn })).body.id;
    await api('housing-placement')('POST', `/v1/placements/${placementId}/confirmation`, siao);
    await system.letTimePassTo(parisNoon(releasedOn));
    const detention = (await exportOf('release-calendar', personId)).tables.detentions[0];
    // The registry may have released him already; either way he left on the day.
    await jsonClient(system.urls['release-calendar'])('POST', `/v1/detentions/${detention.id}/release`, spip, { releasedOn, releaseKind: 'end_of_sentence' });
    await api('housing-placement')('POST', `/v1/placements/${placementId}/entry`, structure, { enteredOn: releasedOn });
    await expectEventually(async () => expect((await exportOf('referral', personId)).tables.referrals[0].status).toBe('closed'));

    const structureReads = [
      (await api('housing-placement')('GET', `/v1/requests/${requestId}`, structure)).body,
      (await api('housing-placement')('GET', '/v1/oriented-requests', structure)).body,
    ];
    const webhooks = await expectEventually(() => {
      const bodies = receiver.at('/structure').map((request) => JSON.parse(request.body)).filter((body) => body.data?.personId === personId);
      expect(bodies.map((body) => body.type)).toEqual(expect.arrayContaining(['referral.request.submitted.v1', 'housing-placement.person.entered.v1']));
      return bodies;
    });
    expectNothingSensitive([...structureReads, ...webhooks]);
    expect(JSON.stringify(webhooks)).not.toMatch(/Roux|Hugo|1985-03-02/);

    const indicators = (await api('notification')('GET', `/v1/indicators?departement=${D}&from=2026-11-01&to=2027-02-28`, prefecture)).body;
    const published = await expectEventually(() => {
      const records = probe.records.filter((record) => record.json<{ departement?: string }>().departement === D).map((record) => record.json());
      expect(records.length).toBeGreaterThan(0);
      return records;
    });
    expectNothingSensitive([indicators, ...published]);
    expect(JSON.stringify([indicators, ...published])).not.toContain(personId);
    expect((await jsonClient(system.urls.notification)('POST', '/v1/subscriptions', prefecture, {
      url: receiver.url('/prefecture'), eventTypes: ['*'], departements: [D], role: 'prefecture',
    })).status).toBeGreaterThanOrEqual(400);
  });

  it('gathers everything on the person from the four services into one document, and nothing on another', async () => {
    const ports = Object.fromEntries(SERVICE_NAMES.map((name) => [`${name.toUpperCase().replace(/-/g, '_')}_PORT`, new URL(system.urls[name]).port]));
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/run-ts.js', 'scripts/subject-access.ts', '--person', personId], {
      cwd: ROOT, env: { ...process.env, ...ports }, maxBuffer: 64 * 1024 * 1024,
    });
    const document = JSON.parse(stdout);
    expect(Object.keys(document.services)).toEqual([...SERVICE_NAMES]);
    const { services } = document;
    expect(services['release-calendar'].tables.detentions).toEqual([expect.objectContaining({ person_id: personId, last_name: 'Roux' })]);
    expect(services.referral.tables.referrals).toEqual([expect.objectContaining({ person_id: personId, status: 'closed' })]);
    expect(services['housing-placement'].tables.housing_requests).toEqual([expect.objectContaining({ person_id: personId, status: 'housed' })]);
    expect(services.notification.tables.webhook_deliveries.length).toBeGreaterThan(0);
    for (const name of SERVICE_NAMES) expect(services[name].tables.audit_log.map((row: { action: string }) => row.action)).toContain('export');
    expect(stdout).not.toContain(otherPersonId);
    expect(stdout).not.toMatch(/Blanc|Théo/);
  });

  it('erases the closed case 25 months later in every service, once, and the figures do not move', async () => {
    const figures = async () => (await api('notification')('GET', `/v1/indicators?departement=${D}&from=2026-11-01&to=2027-02-28`, prefecture)).body;
    await system.letTimePassTo(parisNoon('2029-03-01'));
    const before = await figures();
    const sweep = async () => Promise.all(SERVICE_NAMES.map(async (name) => (await api(name)('POST', '/v1/admin/retention-sweep', tokens.admin())).body.erased as number));
    const erased = await sweep();
    expect(erased.every((count) => count >= 1)).toBe(true);

    const exports = Object.fromEntries(await Promise.all(SERVICE_NAMES.map(async (name) => [name, await exportOf(name, personId)])));
    expect(JSON.stringify(exports)).not.toMatch(/Roux|Hugo|1985-03-02|addictolog|Privas"\]/);
    expect(exports['release-calendar'].tables.detentions[0]).toMatchObject({ person_id: personId, ecrou: null, status: 'released' });
    expect(exports.referral.tables.referrals[0]).toMatchObject({ file: { rights: {} }, consent: null, status: 'closed' });
    expect(exports['housing-placement'].tables.housing_requests[0]).toMatchObject({ status: 'housed', file: expect.objectContaining({ careContinuity: false }) });
    // The other person is still in prison: nothing of theirs is erased.
    expect((await exportOf('release-calendar', otherPersonId)).tables.detentions[0]).toMatchObject({ last_name: 'Blanc', erased_on: null });
    expect(await figures()).toEqual(before);

    await sweep();
    const again = Object.fromEntries(await Promise.all(SERVICE_NAMES.map(async (name) => [name, (await exportOf(name, personId)).tables])));
    for (const name of SERVICE_NAMES) {
      expect(again[name].audit_log.filter((row: { action: string }) => row.action === 'erase').length).toBe(
        exports[name].tables.audit_log.filter((row: { action: string }) => row.action === 'erase').length,
      );
    }
    expect(await figures()).toEqual(before);
  });
});
