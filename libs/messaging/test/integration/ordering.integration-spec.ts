import { expectEventually } from '@passerelle/testing';
import { BackboneFixture, newPersonId } from '../support/backbone-fixture';

const PEOPLE = 24;
const EVENTS_PER_PERSON = 20;

describe('order per person across partitions and consumer instances', () => {
  let fixture: BackboneFixture;

  beforeAll(async () => {
    fixture = await BackboneFixture.create();
    await fixture.startConsumer('instance-a');
    await fixture.startConsumer('instance-b');
    await fixture.startRelay();
    await fixture.startRelay();
  });

  afterAll(() => fixture.close());

  it('hands each person’s events to the handler in the order they were written', async () => {
    const people = Array.from({ length: PEOPLE }, newPersonId);
    for (let sequence = 0; sequence < EVENTS_PER_PERSON; sequence += 1) {
      await Promise.all(people.map((personId) => fixture.note(personId, sequence)));
    }

    await expectEventually(async () => expect(await fixture.effects()).toHaveLength(PEOPLE * EVENTS_PER_PERSON), { timeoutMs: 60_000 });
    const effects = await fixture.effects();
    for (const personId of people) {
      const sequences = effects.filter((e) => e.person_id === personId).map((e) => e.sequence);
      expect(sequences).toEqual(Array.from({ length: EVENTS_PER_PERSON }, (_, i) => i));
    }
    const { rows } = await fixture.pool.query(`SELECT DISTINCT kafka_partition FROM ${fixture.schema}.inbox`);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(new Set(effects.map((e) => e.instance))).toEqual(new Set(['instance-a', 'instance-b']));
  });
});
