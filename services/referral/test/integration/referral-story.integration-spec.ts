import { randomUUID } from 'node:crypto';
import {
  EventDescriptor, orientationDecidedV1, personEnteredV1, personReleasedV1, placementConfirmedV1, placementDeclinedV1, placementProposedV1,
  releaseApproachingV1, requestReturnedV1, requestScheduledV1, Topics, windowOpenedV1,
} from '@passerelle/contracts';
import { CloudEvent } from '@passerelle/messaging';
import { cloudEventOf, expectEventually, publishEvents, queryRows, RunningService, startService, testKafka, TopicProbe } from '@passerelle/testing';
import { Producer } from 'kafkajs';
import { referralService } from '../../src/referral.definition';
import { ReferralModule } from '../../src/referral.module';
import {
  aPerson, COMPLETE_FILE, completeAndSubmit, IDENTITY, openedReferralId, referralApi, SOCIAL_EVALUATION,
} from '../support/referral-fixtures';

type Story = 'housed' | 'sortie_seche' | 'declined';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Step = { descriptor: EventDescriptor<any>; event: CloudEvent<object> };
type HousingSteps = Record<'returned' | 'decided' | 'confirmed' | 'declinedByPerson' | 'entered', () => Step[]>;

interface Person {
  story: Story;
  person: ReturnType<typeof aPerson>;
  referralId?: string;
  housing?: HousingSteps;
}

/** What each story must have produced, in this order, and nothing else. */
const EXPECTED: Record<Story, string[]> = {
  housed: ['request.opened', 'alert.raised', 'request.submitted', 'request.submitted', 'alert.resolved', 'request.closed'],
  sortie_seche: [
    'request.opened', 'alert.raised', 'alert.escalated', 'alert.escalated', 'sortie-seche.recorded', 'alert.resolved', 'request.closed',
  ],
  declined: ['request.opened', 'alert.raised', 'request.submitted', 'sortie-seche.recorded', 'alert.resolved', 'request.closed'],
};
const FINAL: Record<Story, { status: string; sortieSeche: string | null; outcome: string }> = {
  housed: { status: 'closed', sortieSeche: null, outcome: 'housed' },
  sortie_seche: { status: 'closed', sortieSeche: 'request_incomplete', outcome: 'released_without_placement' },
  declined: { status: 'closed', sortieSeche: 'declined_by_person', outcome: 'released_without_placement' },
};

/** A small seeded generator, so an interleaving that fails can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Merges each person's steps into one stream: each person's order kept, people mixed at random. */
function interleave(perPerson: Step[][], random: () => number): Step[] {
  const queues = perPerson.map((steps) => [...steps]).filter((steps) => steps.length > 0);
  const merged: Step[] = [];
  while (queues.length > 0) {
    const index = Math.floor(random() * queues.length);
    merged.push(queues[index].shift()!);
    if (queues[index].length === 0) queues.splice(index, 1);
  }
  return merged;
}

describe('referral: whole stories with the other services’ events', () => {
  let service: RunningService;
  let producer: Producer;
  let probe: TopicProbe;
  let api: ReturnType<typeof referralApi>;

  beforeAll(async () => {
    service = await startService(ReferralModule, referralService);
    producer = testKafka().producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    probe = await TopicProbe.start(testKafka(), [Topics.referral]);
    api = referralApi(service);
  });

  afterAll(async () => {
    await probe.stop();
    await producer.disconnect();
    await service.close();
  });

  const step = <T extends object>(descriptor: EventDescriptor<T>, data: T): Step => ({ descriptor, event: cloudEventOf(descriptor, data) });

  /** Sends one record per step, in the stream's order; the same record twice where `redeliver` says so. */
  async function play(stream: Step[], redeliver = false): Promise<void> {
    for (const { descriptor, event } of stream) {
      await publishEvents(producer, descriptor, ...(redeliver ? [event, event] : [event]));
    }
  }

  /** Housing-placement's events about one request, with one placement throughout. */
  function housingSteps(p: Person): HousingSteps {
    const requestId = `${p.referralId!.slice(0, 24)}${'0'.repeat(12)}`;
    const ref = { requestId, referralId: p.referralId!, personId: p.person.ref.personId, siaoDepartement: '13' };
    const placement = { placementId: randomUUID(), structureId: randomUUID(), structureType: 'chrs' as const, entryDate: '2027-03-31' };
    const sessionId = randomUUID();
    return {
      returned: () => [step(requestReturnedV1, { ...ref, missing: ['justificatif de ressources'] })],
      decided: () => [
        step(requestScheduledV1, { ...ref, sessionId, sessionDate: '2026-12-10' }),
        step(orientationDecidedV1, { ...ref, sessionId, structureType: 'chrs' }),
        step(placementProposedV1, { ...ref, ...placement }),
      ],
      confirmed: () => [step(placementConfirmedV1, { ...ref, ...placement })],
      declinedByPerson: () => [step(placementDeclinedV1, { ...ref, placementId: placement.placementId, structureId: placement.structureId, by: 'person' })],
      entered: () => [step(personEnteredV1, { ...ref, placementId: placement.placementId, structureId: placement.structureId, enteredOn: '2027-03-31' })],
    };
  }

  const approaching = (p: Person, ...days: number[]) =>
    days.map((daysBefore) => step(releaseApproachingV1, { ...p.person.ref, daysBefore, milestoneOn: '2026-12-31' }));
  const released = (p: Person) => [step(personReleasedV1, { ...p.person.ref, releasedOn: '2027-03-31', releaseKind: 'end_of_sentence' as const })];

  const statusOf = async (p: Person) => (await queryRows<{ status: string }>(
    `SELECT status FROM ${service.schema}.referrals WHERE id = $1`, [p.referralId])).map((row) => row.status)[0];
  const waitForStatus = (people: Person[], status: string) =>
    expectEventually(async () => expect(await Promise.all(people.map(statusOf))).toEqual(people.map(() => status)), { timeoutMs: 60_000 });

  async function runStories(order: (perPerson: Step[][]) => Step[]): Promise<Person[]> {
    const stories: Story[] = Array.from({ length: 24 }, (_, i) => (['housed', 'sortie_seche', 'declined'] as const)[i % 3]);
    const people: Person[] = stories.map((story) => ({ story, person: aPerson() }));
    const of = (story: Story) => people.filter((p) => p.story === story);

    await play(order(people.map((p) => [
      step(windowOpenedV1, { ...p.person.opened, urgent: p.story === 'sortie_seche' }),
      ...approaching(p, ...(p.story === 'sortie_seche' ? [90, 30] : [90])),
    ])));
    for (const p of people) {
      p.referralId = await openedReferralId(service, p.person.ref.detentionId);
      p.housing = housingSteps(p);
    }
    for (const p of [...of('housed'), ...of('declined')]) await completeAndSubmit(api, p.referralId!);

    // Each of these events is delivered twice: the effect must still happen once.
    await play(order([...of('housed').map((p) => p.housing!.returned()), ...of('declined').map((p) => [
      ...p.housing!.decided(), ...p.housing!.declinedByPerson()])]), true);
    await waitForStatus(of('housed'), 'to_complete');
    await waitForStatus(of('declined'), 'oriented');
    for (const p of of('housed')) {
      expect((await api.get(p.referralId!)).body.returnedMissing).toEqual(['justificatif de ressources']);
      expect((await api.complete(p.referralId!, { resources: COMPLETE_FILE.resources })).status).toBe(200);
      expect((await api.submit(p.referralId!)).body.submissions).toBe(2);
    }

    await play(order(of('housed').map((p) => [...p.housing!.decided(), ...p.housing!.confirmed()])));
    await waitForStatus(of('housed'), 'placement_confirmed');
    await play(order(people.map((p) => [...(p.story === 'sortie_seche' ? approaching(p, 7) : []), ...released(p)])));
    await waitForStatus([...of('sortie_seche'), ...of('declined')], 'closed');
    await play(order(of('housed').map((p) => p.housing!.entered())));
    await waitForStatus(people, 'closed');
    return people;
  }

  async function expectStoriesTold(people: Person[]): Promise<void> {
    const records = await expectEventually(async () => {
      const published = await service.recordsPublished(probe);
      for (const p of people) {
        expect(published.filter((r) => r.key === p.person.ref.personId)).toHaveLength(EXPECTED[p.story].length);
      }
      return published;
    }, { timeoutMs: 60_000 });
    for (const record of records) {
      for (const secret of [IDENTITY.lastName, IDENTITY.firstNames, IDENTITY.birthDate, SOCIAL_EVALUATION]) expect(record.value).not.toContain(secret);
    }
    for (const p of people) {
      const mine = records.filter((r) => r.key === p.person.ref.personId);
      expect({ story: p.story, types: mine.map((r) => r.header('ce_type')!.replace(/^referral\.|\.v1$/g, '')) })
        .toEqual({ story: p.story, types: EXPECTED[p.story] });
      expect(mine.at(-1)!.json()).toMatchObject({ outcome: FINAL[p.story].outcome });
      const register = await queryRows<{ reason: string }>(`SELECT reason FROM ${service.schema}.sorties_seches WHERE detention_id = $1`, [p.person.ref.detentionId]);
      expect(register.map((row) => row.reason)).toEqual(FINAL[p.story].sortieSeche ? [FINAL[p.story].sortieSeche] : []);
    }
  }

  it('tells each story right when one person’s events follow another’s', async () => {
    await expectStoriesTold(await runStories((perPerson) => perPerson.flat()));
  });

  it('tells each story right when people’s events are interleaved and some delivered twice', async () => {
    const random = seeded(20261123);
    await expectStoriesTold(await runStories((perPerson) => interleave(perPerson, random)));
  });
});
