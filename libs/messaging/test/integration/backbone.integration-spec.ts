import { randomUUID } from 'node:crypto';
import { Partitioners, Producer } from 'kafkajs';
import { deadLetterTopicOf } from '@passerelle/contracts';
import { DLQ_HEADERS, toKafkaMessage } from '@passerelle/messaging';
import { CorrelationContext } from '@passerelle/observability';
import { expectEventually, TopicProbe } from '@passerelle/testing';
import { BackboneFixture, newPersonId } from '../support/backbone-fixture';

describe('event backbone over the real broker and database', () => {
  let fixture: BackboneFixture;
  let producer: Producer;
  let topicProbe: TopicProbe;
  let dlqProbe: TopicProbe;

  beforeAll(async () => {
    fixture = await BackboneFixture.create();
    producer = fixture.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    topicProbe = await TopicProbe.start(fixture.kafka, [fixture.topic]);
    dlqProbe = await TopicProbe.start(fixture.kafka, [deadLetterTopicOf(fixture.topic)]);
    await fixture.startRelay();
    await fixture.startConsumer('instance-a');
  });

  afterAll(async () => {
    await topicProbe?.stop();
    await dlqProbe?.stop();
    await producer?.disconnect();
    await fixture?.close();
  });

  it('publishes an event whose transaction committed, and nothing of one that rolled back', async () => {
    const personId = newPersonId();
    const client = await fixture.pool.connect();
    let rolledBackId = '';
    try {
      await client.query('BEGIN');
      rolledBackId = await fixture.writer.add(client, fixture.descriptor, { personId, sequence: 0, note: 'rolled back' });
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    const committedId = await fixture.note(personId, 1, 'committed');

    await expectEventually(() => expect(topicProbe.records.map((r) => r.header('ce_id'))).toContain(committedId));
    expect(topicProbe.records.map((r) => r.header('ce_id'))).not.toContain(rolledBackId);
    const published = topicProbe.records.find((r) => r.header('ce_id') === committedId)!;
    expect(published.key).toBe(personId);
    expect(published.header('ce_type')).toBe('backbone.person.noted.v1');
    expect(published.header('ce_specversion')).toBe('1.0');
    expect(published.json()).toEqual({ personId, sequence: 1, note: 'committed' });
  });

  it('refuses to write an event whose payload breaks its contract', async () => {
    const client = await fixture.pool.connect();
    try {
      await expect(fixture.writer.add(client, fixture.descriptor, { personId: 'not-a-uuid', sequence: -1, note: 'x' })).rejects.toThrow(/personId/);
    } finally {
      client.release();
    }
  });

  it('gives the same event delivered twice a single effect', async () => {
    const personId = newPersonId();
    const event = {
      id: randomUUID(), source: '/passerelle/backbone-test', type: fixture.descriptor.type, specversion: '1.0' as const,
      time: new Date().toISOString(), subject: personId, datacontenttype: 'application/json' as const, correlationid: randomUUID(),
      data: { personId, sequence: 7, note: 'twice' },
    };
    await producer.send({ topic: fixture.topic, messages: [toKafkaMessage(event, personId), toKafkaMessage(event, personId)] });
    const markerId = await fixture.note(personId, 8, 'after the duplicate');

    await expectEventually(async () => expect((await fixture.effects(personId)).map((e) => e.event_id)).toContain(markerId));
    const effects = await fixture.effects(personId);
    expect(effects.filter((e) => e.event_id === event.id)).toHaveLength(1);
  });

  it('sends a malformed record to the DLQ with its origin, and handles the next record on the partition', async () => {
    const personId = newPersonId();
    await producer.send({ topic: fixture.topic, messages: [{ key: personId, value: '{not json', headers: { ce_type: fixture.descriptor.type } }] });
    const nextId = await fixture.note(personId, 1, 'next one');

    await expectEventually(async () => expect((await fixture.effects(personId)).map((e) => e.event_id)).toEqual([nextId]));
    const dead = await expectEventually(() => {
      const found = dlqProbe.records.find((r) => r.key === personId);
      expect(found).toBeDefined();
      return found!;
    });
    expect(dead.value).toBe('{not json');
    expect(dead.header(DLQ_HEADERS.topic)).toBe(fixture.topic);
    expect(Number(dead.header(DLQ_HEADERS.partition))).toBeGreaterThanOrEqual(0);
    expect(dead.header(DLQ_HEADERS.offset)).toMatch(/^\d+$/);
    expect(dead.header(DLQ_HEADERS.error)).toMatch(/malformed CloudEvent/);
  });

  it('dead-letters a payload that fails validation and an unknown event type, at once', async () => {
    const personId = newPersonId();
    const base = { source: '/elsewhere', specversion: '1.0' as const, time: new Date().toISOString(), subject: personId,
      datacontenttype: 'application/json' as const, correlationid: randomUUID() };
    await producer.send({ topic: fixture.topic, messages: [
      toKafkaMessage({ ...base, id: randomUUID(), type: fixture.descriptor.type, data: { personId, sequence: 'three', note: 1 } }, personId),
      toKafkaMessage({ ...base, id: randomUUID(), type: 'backbone.person.noted.v9', data: { personId, sequence: 3, note: 'v9' } }, personId),
    ] });

    await expectEventually(() => expect(dlqProbe.records.filter((r) => r.key === personId)).toHaveLength(2));
    const errors = dlqProbe.records.filter((r) => r.key === personId).map((r) => r.header(DLQ_HEADERS.error));
    expect(errors[0]).toMatch(/sequence/);
    expect(errors[1]).toMatch(/unknown event type backbone.person.noted.v9/);
    expect(await fixture.effects(personId)).toEqual([]);
  });

  it('retries a failing handler, then dead-letters the record and moves on', async () => {
    const personId = newPersonId();
    fixture.failingNotes.add('poison');
    const poisonId = await fixture.note(personId, 1, 'poison');
    const nextId = await fixture.note(personId, 2, 'fine');

    await expectEventually(async () => expect((await fixture.effects(personId)).map((e) => e.event_id)).toEqual([nextId]));
    const dead = dlqProbe.records.find((r) => r.header('ce_id') === poisonId);
    expect(dead?.header(DLQ_HEADERS.error)).toMatch(/handler failed 3 times: handler refuses note poison/);
  });

  it('handles a burst of one person’s records in shared transactions, in order, a failing one costing only itself', async () => {
    const personId = newPersonId();
    fixture.failingNotes.add('burst poison');
    const base = { source: '/passerelle/backbone-test', type: fixture.descriptor.type, specversion: '1.0' as const, subject: personId,
      datacontenttype: 'application/json' as const, correlationid: randomUUID() };
    const events = Array.from({ length: 60 }, (_, sequence) => ({
      ...base, id: randomUUID(), time: new Date().toISOString(), data: { personId, sequence, note: sequence === 30 ? 'burst poison' : 'burst' },
    }));
    const repeated = events[10];
    const clean = Array.from({ length: 40 }, (_, sequence) => ({ ...base, id: randomUUID(), time: new Date().toISOString(), data: { personId, sequence: 100 + sequence, note: 'clean' } }));
    // One send: the records land in one record batch, so one fetch hands them over together.
    await producer.send({ topic: fixture.topic, messages: [...events.slice(0, 12), repeated, ...events.slice(12)].map((e) => toKafkaMessage(e, personId)) });
    await producer.send({ topic: fixture.topic, messages: clean.map((e) => toKafkaMessage(e, personId)) });

    const expected = [...events.filter((e) => e.data.sequence !== 30), ...clean].map((e) => e.data.sequence);
    await expectEventually(async () => expect((await fixture.effects(personId)).map((e) => e.sequence)).toEqual(expected));
    await expectEventually(() => expect(dlqProbe.records.find((r) => r.header('ce_id') === events[30].id)).toBeDefined());
    // A transaction's rows share its start time: the 40 clean records took far fewer than 40 transactions.
    const { rows } = await fixture.pool.query(
      `SELECT count(DISTINCT handled_at)::int AS transactions FROM ${fixture.schema}.inbox WHERE event_id = ANY($1::text[])`, [clean.map((e) => e.id)]);
    expect(rows[0].transactions).toBeLessThanOrEqual(4);
    // Each transaction's preparation saw its new events once, before any of them was handled.
    expect(fixture.unprepared).toEqual([]);
    const preparedTogether = fixture.preparations.filter((ids) => ids.includes(clean[0].id));
    expect(preparedTogether.length).toBeGreaterThan(0);
    expect(preparedTogether[0].length).toBeGreaterThan(1);
    for (const ids of fixture.preparations) expect(new Set(ids).size).toBe(ids.length);
  });

  it('carries the correlation id from the writer into the Kafka headers', async () => {
    const correlationId = randomUUID();
    const personId = newPersonId();
    const id = await CorrelationContext.run({ correlationId }, () => fixture.note(personId, 1, 'correlated'));
    await expectEventually(() => expect(topicProbe.records.find((r) => r.header('ce_id') === id)?.header('ce_correlationid')).toBe(correlationId));
  });
});
