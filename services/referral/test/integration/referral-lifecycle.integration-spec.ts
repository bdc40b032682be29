import { randomUUID } from 'node:crypto';
import {
  orientationDecidedV1, personReleasedV1, placementProposedV1, placementRefusedV1, releaseApproachingV1, releaseDateChangedV1, requestScheduledV1,
  Topics, windowClosedV1, windowOpenedV1, WindowOpenedV1,
} from '@passerelle/contracts';
import {
  cloudEventOf, expectEventually, publishEvents, queryRows, RunningService, startService, testKafka, TopicProbe,
} from '@passerelle/testing';
import { Producer } from 'kafkajs';
import { referralService } from '../../src/referral.definition';
import { completeAndSubmit, openedReferralId, referralApi } from '../support/referral-fixtures';
import { ReferralModule } from '../../src/referral.module';

/** Keys a payload may carry: what the SIAO needs to route and judge urgency, nothing about health or offences. */
const ALLOWED_KEYS = new Set([
  'referralId', 'personId', 'detentionId', 'spipDepartement', 'siaoDepartement', 'expectedReleaseDate',
  'urgent', 'kind', 'level', 'from', 'reason', 'releasedOn', 'outcome',
]);

describe('referral: the SIAO request follows the release calendar', () => {
  let service: RunningService;
  let producer: Producer;
  let probe: TopicProbe;

  beforeAll(async () => {
    service = await startService(ReferralModule, referralService);
    producer = testKafka().producer();
    await producer.connect();
    probe = await TopicProbe.start(testKafka(), [Topics.referral]);
  });

  afterAll(async () => {
    await probe.stop();
    await producer.disconnect();
    await service.close();
  });

  const person = () => {
    const ref = { detentionId: randomUUID(), personId: randomUUID(), spipDepartement: '13', destinationDepartement: '13', expectedReleaseDate: '2027-03-31' };
    const opened: WindowOpenedV1 = {
      ...ref, opensOn: '2026-09-30', urgent: false, establishmentCode: 'CP-MARSEILLE', establishmentName: 'CP de Marseille',
      identity: { lastName: 'Durand', firstNames: 'Léa', birthDate: '1988-02-29' },
    };
    return { ref, opened };
  };
  const recordsFor = async (personId: string) => (await service.recordsPublished(probe)).filter((r) => r.key === personId);
  const typesFor = async (personId: string) => (await recordsFor(personId)).map((r) => r.header('ce_type')!.replace('referral.', '').replace('.v1', ''));

  it('opens one request for a window delivered twice, raises and escalates the alert, waits on hold, and records one sortie sèche', async () => {
    const { ref, opened } = person();
    const windowEvent = cloudEventOf(windowOpenedV1, opened);
    await publishEvents(producer, windowOpenedV1, windowEvent, windowEvent);
    await publishEvents(producer, windowOpenedV1, cloudEventOf(windowOpenedV1, opened));
    await publishEvents(producer, releaseApproachingV1,
      cloudEventOf(releaseApproachingV1, { ...ref, daysBefore: 90, milestoneOn: '2026-12-31' }),
      cloudEventOf(releaseApproachingV1, { ...ref, daysBefore: 30, milestoneOn: '2027-03-01' }));
    await publishEvents(producer, windowClosedV1, cloudEventOf(windowClosedV1, { ...ref, closedOn: '2027-03-05', opensOn: '2027-06-30' }));
    await publishEvents(producer, windowOpenedV1, cloudEventOf(windowOpenedV1, opened));
    await publishEvents(producer, personReleasedV1, cloudEventOf(personReleasedV1, { ...ref, releasedOn: '2027-03-31', releaseKind: 'end_of_sentence' }));

    await expectEventually(async () => expect(await typesFor(ref.personId)).toEqual([
      'request.opened', 'alert.raised', 'alert.escalated', 'request.on-hold', 'request.resumed', 'sortie-seche.recorded', 'alert.resolved',
      'request.closed',
    ]));
    const rows = await queryRows(`SELECT status, alert_level FROM ${service.schema}.referrals WHERE person_id = $1`, [ref.personId]);
    expect(rows).toEqual([{ status: 'closed', alert_level: null }]);
    const records = await recordsFor(ref.personId);
    expect(records[5].json()).toMatchObject({ reason: 'request_incomplete', releasedOn: '2027-03-31', siaoDepartement: '13' });
    expect(records[7].json()).toMatchObject({ outcome: 'released_without_placement' });
    const register = await queryRows(`SELECT reason FROM ${service.schema}.sorties_seches WHERE person_id = $1`, [ref.personId]);
    expect(register).toEqual([{ reason: 'request_incomplete' }]);
    for (const record of records) {
      expect(Object.keys(record.json<Record<string, unknown>>()).filter((key) => !ALLOWED_KEYS.has(key))).toEqual([]);
      expect(record.value).not.toMatch(/Durand|Léa|1988-02-29/);
    }
  });

  it('ignores calendar events about a detention whose window never opened', async () => {
    const { ref } = person();
    await publishEvents(producer, releaseApproachingV1, cloudEventOf(releaseApproachingV1, { ...ref, daysBefore: 90, milestoneOn: '2026-12-31' }));
    const marker = person();
    await publishEvents(producer, windowOpenedV1, cloudEventOf(windowOpenedV1, { ...marker.opened, personId: ref.personId, detentionId: marker.ref.detentionId }));
    await expectEventually(async () => expect(await typesFor(ref.personId)).toEqual(['request.opened']));
  });

  it('tells the SIAO side a moved release date, and takes a structure\'s refusal back to the orientation', async () => {
    const api = referralApi(service);
    const { ref, opened } = person();
    await publishEvents(producer, windowOpenedV1, cloudEventOf(windowOpenedV1, opened));
    const referralId = await openedReferralId(service, ref.detentionId);
    await publishEvents(producer, releaseDateChangedV1, cloudEventOf(releaseDateChangedV1, {
      ...ref, expectedReleaseDate: '2027-02-15', previousReleaseDate: '2027-03-31', reason: 'reduction_de_peine', changedAt: new Date().toISOString(),
    }));
    await expectEventually(async () => expect(await typesFor(ref.personId)).toEqual(['request.opened', 'release-date.changed']));
    expect((await recordsFor(ref.personId))[1].json()).toMatchObject({ referralId, expectedReleaseDate: '2027-02-15', previousReleaseDate: '2027-03-31' });

    await completeAndSubmit(api, referralId);
    const housing = { requestId: randomUUID(), referralId, personId: ref.personId, siaoDepartement: '13' };
    const placement = { placementId: randomUUID(), structureId: randomUUID() };
    const sessionId = randomUUID();
    await publishEvents(producer, requestScheduledV1, cloudEventOf(requestScheduledV1, { ...housing, sessionId, sessionDate: '2026-12-10' }));
    await publishEvents(producer, orientationDecidedV1, cloudEventOf(orientationDecidedV1, { ...housing, sessionId, structureType: 'chrs' }));
    await publishEvents(producer, placementProposedV1, cloudEventOf(placementProposedV1, { ...housing, ...placement, structureType: 'chrs', entryDate: '2027-02-15' }));
    await expectEventually(async () => expect((await api.get(referralId)).body.status).toBe('placement_proposed'));
    await publishEvents(producer, placementRefusedV1, cloudEventOf(placementRefusedV1, { ...housing, ...placement, reason: 'no_place' }));
    await expectEventually(async () => expect((await api.get(referralId)).body.status).toBe('oriented'));
  });
});
