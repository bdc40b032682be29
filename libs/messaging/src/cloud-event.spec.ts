import { IHeaders, KafkaMessage, Message } from 'kafkajs';
import { CloudEvent, fromKafkaMessage, headerText, MalformedEnvelopeError, toKafkaMessage } from './cloud-event';

const event: CloudEvent<{ personId: string; count: number }> = {
  id: '0b7e9d8c-1f2a-4b3c-8d4e-5f6a7b8c9d0e',
  source: '/passerelle/release-calendar',
  type: 'release-calendar.detention.registered.v1',
  specversion: '1.0',
  time: '2025-03-01T10:00:00.000Z',
  subject: 'detention-1',
  datacontenttype: 'application/json',
  correlationid: 'correlation-1',
  causationid: 'cause-1',
  data: { personId: 'person-1', count: 2 },
};

/** What a consumer receives for a produced message: values and headers as Buffers. */
function received(message: Message, offset = '7'): KafkaMessage {
  const headers: IHeaders = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    headers[name] = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  }
  const buffer = (value: Message['value'] | Message['key']) => (value === null || value === undefined ? null : Buffer.from(value));
  return { key: buffer(message.key), value: buffer(message.value), headers, offset, timestamp: '0', attributes: 0 };
}

function withHeaders(headers: IHeaders, value: Buffer | null = Buffer.from('{}')): KafkaMessage {
  return { key: null, value, headers, offset: '0', timestamp: '0', attributes: 0 };
}

const validHeaders = (): IHeaders => ({ ce_id: 'id-1', ce_source: '/s', ce_type: 'a.b.c.v1', ce_specversion: '1.0', ce_time: '2025-03-01T10:00:00Z' });

describe('toKafkaMessage', () => {
  it('writes the attributes as ce_* headers, the data as JSON and the given key (binary content mode)', () => {
    const message = toKafkaMessage(event, 'person-1');
    expect(message.key).toBe('person-1');
    expect(JSON.parse(message.value as string)).toEqual(event.data);
    expect(message.headers).toEqual({
      'content-type': 'application/json',
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_source: event.source,
      ce_type: event.type,
      ce_time: event.time,
      ce_subject: event.subject,
      ce_correlationid: event.correlationid,
      ce_causationid: event.causationid,
    });
  });

  it('leaves out ce_causationid when the event has no cause', () => {
    expect(toKafkaMessage({ ...event, causationid: undefined }, 'k').headers).not.toHaveProperty('ce_causationid');
  });
});

describe('fromKafkaMessage', () => {
  it('reads back what toKafkaMessage wrote, headers arriving as Buffers', () => {
    expect(fromKafkaMessage(received(toKafkaMessage(event, 'person-1')))).toEqual(event);
  });

  it('round-trips an event without causation id', () => {
    const decoded = fromKafkaMessage(received(toKafkaMessage({ ...event, causationid: undefined }, 'person-1')));
    expect(decoded.causationid).toBeUndefined();
    expect(decoded).toEqual({ ...event, causationid: undefined });
  });

  it('reads string headers and the first value of repeated headers', () => {
    const decoded = fromKafkaMessage(withHeaders({ ...validHeaders(), ce_id: [Buffer.from('first'), Buffer.from('second')] }));
    expect(decoded.id).toBe('first');
    expect(decoded.type).toBe('a.b.c.v1');
  });

  it('defaults the subject to empty and the correlation id to the event id', () => {
    const decoded = fromKafkaMessage(withHeaders(validHeaders()));
    expect(decoded.subject).toBe('');
    expect(decoded.correlationid).toBe('id-1');
    expect(decoded.data).toEqual({});
  });

  it.each(['id', 'source', 'type', 'specversion', 'time'])('refuses a record without ce_%s', (attribute) => {
    const headers = validHeaders();
    delete headers[`ce_${attribute}`];
    expect(() => fromKafkaMessage(withHeaders(headers))).toThrow(new MalformedEnvelopeError(`header ce_${attribute} is missing`));
  });

  it('refuses an empty ce_id', () => {
    expect(() => fromKafkaMessage(withHeaders({ ...validHeaders(), ce_id: Buffer.from('') }))).toThrow(MalformedEnvelopeError);
  });

  it('refuses a record without any header (old message-set format)', () => {
    const legacy: KafkaMessage = { key: null, value: Buffer.from('{}'), offset: '0', timestamp: '0', attributes: 0, size: 2 };
    expect(() => fromKafkaMessage(legacy)).toThrow('malformed CloudEvent: header ce_id is missing');
  });

  it('refuses another CloudEvents spec version', () => {
    expect(() => fromKafkaMessage(withHeaders({ ...validHeaders(), ce_specversion: '0.3' })))
      .toThrow('malformed CloudEvent: ce_specversion must be 1.0');
  });

  it('refuses a value that is not JSON', () => {
    expect(() => fromKafkaMessage(withHeaders(validHeaders(), Buffer.from('{not json'))))
      .toThrow('malformed CloudEvent: value is not JSON');
  });

  it.each([null, Buffer.alloc(0)])('refuses a record without value (%j)', (value) => {
    expect(() => fromKafkaMessage(withHeaders(validHeaders(), value))).toThrow('malformed CloudEvent: record has no value');
  });

  it('names its error', () => {
    const error = new MalformedEnvelopeError('why');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('MalformedEnvelopeError');
    expect(error.message).toBe('malformed CloudEvent: why');
  });
});

describe('headerText', () => {
  it('decodes Buffers as UTF-8 and returns strings as they are', () => {
    expect(headerText({ a: Buffer.from('préfecture', 'utf8'), b: 'plain' }, 'a')).toBe('préfecture');
    expect(headerText({ a: Buffer.from('x'), b: 'plain' }, 'b')).toBe('plain');
  });

  it('returns undefined for a missing header or missing headers', () => {
    expect(headerText({}, 'a')).toBeUndefined();
    expect(headerText({ a: undefined }, 'a')).toBeUndefined();
    expect(headerText(undefined, 'a')).toBeUndefined();
  });
});
