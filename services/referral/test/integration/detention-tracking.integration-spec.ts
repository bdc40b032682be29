import { randomUUID } from 'node:crypto';
import { mintDevToken } from '@passerelle/auth';
import { detentionRegisteredV1, DetentionRegisteredV1 } from '@passerelle/contracts';
import { CloudEvent, DLQ_HEADERS } from '@passerelle/messaging';
import { cloudEventOf, ConsumerUnderTest, expectEventually, queryRows, RunningService, startConsumerUnderTest, TopicProbe } from '@passerelle/testing';
import { referralService } from '../../src/referral.definition';
import { ReferralModule } from '../../src/referral.module';

const spip94 = mintDevToken({ subject: 'cpip-94', roles: ['spip'], departements: ['94'] });

function registration(overrides: Partial<DetentionRegisteredV1> = {}): DetentionRegisteredV1 {
  return {
    detentionId: randomUUID(),
    personId: randomUUID(),
    establishmentCode: 'MA-FRESNES',
    spipDepartement: '94',
    destinationDepartement: '75',
    expectedReleaseDate: '2027-05-31',
    expectedReleaseKind: 'end_of_sentence',
    registeredAt: '2026-11-23T09:00:00.000Z',
    ...overrides,
  };
}

/** The CloudEvent release-calendar's relay would publish for this payload. */
const eventOf = (data: DetentionRegisteredV1, id?: string) => cloudEventOf(detentionRegisteredV1, data, id);

describe('referral: tracking detentions registered by release-calendar', () => {
  let service: RunningService;
  let dlq: TopicProbe;
  let harness: ConsumerUnderTest<DetentionRegisteredV1>;
  const publish = (...events: CloudEvent<DetentionRegisteredV1>[]) => harness.publish(...events);
  const get = (detentionId: string, token = spip94) =>
    fetch(`${service.url}/v1/tracked-detentions/${detentionId}`, { headers: { authorization: `Bearer ${token}` } });
  beforeAll(async () => {
    harness = await startConsumerUnderTest(ReferralModule, referralService, detentionRegisteredV1);
    ({ service, deadLetters: dlq } = harness);
  });

  afterAll(() => harness.close());

  it('tracks a registered detention and serves it to the SPIP of its département, audited', async () => {
    const data = registration();
    await publish(eventOf(data));

    const response = await expectEventually(async () => {
      const found = await get(data.detentionId);
      expect(found.status).toBe(200);
      return found;
    });
    expect(await response.json()).toEqual({
      detentionId: data.detentionId,
      personId: data.personId,
      spipDepartement: '94',
      destinationDepartement: '75',
      expectedReleaseDate: '2027-05-31',
      registeredAt: '2026-11-23T09:00:00.000Z',
    });
    const audit = await queryRows(`SELECT actor, action FROM ${service.schema}.audit_log WHERE person_id = $1 ORDER BY id`, [data.personId]);
    expect(audit).toEqual([{ actor: 'system', action: 'create' }, { actor: 'cpip-94', action: 'read' }]);
  });

  it('keeps one row when the same event, or the same detention, is delivered twice', async () => {
    const data = registration();
    const event = eventOf(data);
    const marker = registration({ personId: data.personId });
    // Same key, so Kafka delivers them in this order: once the marker is tracked, the rest was handled.
    await publish(event, event, eventOf(data), eventOf(marker));
    await expectEventually(async () => expect((await get(marker.detentionId)).status).toBe(200));

    const rows = await queryRows(`SELECT detention_id FROM ${service.schema}.tracked_detentions WHERE person_id = $1 ORDER BY registered_at`, [data.personId]);
    expect(rows.map((row) => row.detention_id).sort()).toEqual([data.detentionId, marker.detentionId].sort());
    const inbox = await queryRows(`SELECT count(*)::int AS n FROM ${service.schema}.inbox WHERE partition_key = $1`, [data.personId]);
    expect(inbox).toEqual([{ n: 3 }]);
  });

  it('sends an invalid payload to the DLQ and handles the next record for the same person', async () => {
    const personId = randomUUID();
    const invalid = eventOf({ ...registration({ personId }), spipDepartement: '20' });
    const next = registration({ personId });
    await publish(invalid, eventOf(next));

    const dead = await expectEventually(() => {
      const found = dlq.records.find((record) => record.header('ce_id') === invalid.id);
      expect(found).toBeDefined();
      return found!;
    });
    expect(dead.key).toBe(personId);
    expect(dead.header(DLQ_HEADERS.error)).toContain('spipDepartement');
    await expectEventually(async () => expect((await get(next.detentionId)).status).toBe(200));
    expect((await get(invalid.data.detentionId)).status).toBe(404);
  });

  it('answers 403 to another département, 403 to a wrong role, 404 to an unknown id and 400 to a malformed one', async () => {
    const data = registration();
    await publish(eventOf(data));
    await expectEventually(async () => expect((await get(data.detentionId)).status).toBe(200));

    expect((await get(data.detentionId, mintDevToken({ subject: 'cpip-75', roles: ['spip'], departements: ['75'] }))).status).toBe(403);
    expect((await get(data.detentionId, mintDevToken({ subject: 'pref-94', roles: ['prefecture'], departements: ['94'] }))).status).toBe(403);
    expect((await get(data.detentionId, mintDevToken({ subject: 'admin', roles: ['admin'], departements: [] }))).status).toBe(200);
    expect((await get(randomUUID())).status).toBe(404);
    expect((await get('not-a-uuid')).status).toBe(400);
    expect((await fetch(`${service.url}/v1/tracked-detentions/${data.detentionId}`)).status).toBe(401);
  });
});
