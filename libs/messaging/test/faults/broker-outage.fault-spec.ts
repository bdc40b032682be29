import { expectEventually, localInfra, localInfraIsOurs } from '@passerelle/testing';
import { BackboneFixture, newPersonId } from '../support/backbone-fixture';

// Needs a broker this run may stop: the one npm test starts (PASSERELLE_LOCAL_INFRA=1).
const describeWithOwnBroker = localInfraIsOurs() ? describe : describe.skip;

describeWithOwnBroker('the broker stopped, then back', () => {
  let fixture: BackboneFixture;

  beforeAll(async () => {
    fixture = await BackboneFixture.create();
    await fixture.startRelay();
    await fixture.startConsumer('instance-a');
  });

  afterAll(async () => {
    localInfra.startKafka();
    await fixture.close();
  });

  it('accepts writes while the broker is down and publishes them, once each, when it is back', async () => {
    const personId = newPersonId();
    const before = await fixture.note(personId, 0, 'before the outage');
    await expectEventually(async () => expect((await fixture.effects(personId)).map((e) => e.event_id)).toEqual([before]));

    localInfra.stopKafka();
    const during = [await fixture.note(personId, 1, 'during'), await fixture.note(personId, 2, 'during')];
    expect(await fixture.unpublishedCount()).toBe(2);

    localInfra.startKafka();
    await expectEventually(async () => expect((await fixture.effects(personId)).map((e) => e.event_id)).toEqual([before, ...during]), { timeoutMs: 120_000 });
    expect(await fixture.unpublishedCount()).toBe(0);
  });
});
