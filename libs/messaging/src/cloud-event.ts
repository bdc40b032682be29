import { IHeaders, KafkaMessage, Message } from 'kafkajs';

/** CloudEvents 1.0 attributes plus Passerelle's two extensions. */
export interface CloudEventAttributes {
  id: string;
  source: string;
  type: string;
  specversion: '1.0';
  time: string;
  subject: string;
  datacontenttype: 'application/json';
  correlationid: string;
  causationid?: string;
}

export interface CloudEvent<T = unknown> extends CloudEventAttributes {
  data: T;
}

const REQUIRED = ['id', 'source', 'type', 'specversion', 'time'] as const;

export class MalformedEnvelopeError extends Error {
  constructor(reason: string) {
    super(`malformed CloudEvent: ${reason}`);
    this.name = 'MalformedEnvelopeError';
  }
}

/** Kafka binary content mode: attributes in `ce_*` headers, data as the JSON value. */
export function toKafkaMessage(event: CloudEvent, key: string): Message {
  const headers: IHeaders = {
    'content-type': event.datacontenttype,
    ce_specversion: event.specversion,
    ce_id: event.id,
    ce_source: event.source,
    ce_type: event.type,
    ce_time: event.time,
    ce_subject: event.subject,
    ce_correlationid: event.correlationid,
  };
  if (event.causationid) headers.ce_causationid = event.causationid;
  return { key, value: JSON.stringify(event.data), headers };
}

export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  if (value === undefined || value === null) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined || first === null) return undefined;
  return Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
}

/** Reads a record written by `toKafkaMessage`; throws MalformedEnvelopeError on anything else. */
export function fromKafkaMessage(message: KafkaMessage): CloudEvent<unknown> {
  const attribute = (name: string) => headerText(message.headers, `ce_${name}`);
  for (const name of REQUIRED) {
    if (!attribute(name)) throw new MalformedEnvelopeError(`header ce_${name} is missing`);
  }
  if (attribute('specversion') !== '1.0') throw new MalformedEnvelopeError('ce_specversion must be 1.0');
  if (!message.value || message.value.length === 0) throw new MalformedEnvelopeError('record has no value');
  let data: unknown;
  try {
    data = JSON.parse(message.value.toString('utf8'));
  } catch {
    throw new MalformedEnvelopeError('value is not JSON');
  }
  return {
    id: attribute('id')!,
    source: attribute('source')!,
    type: attribute('type')!,
    specversion: '1.0',
    time: attribute('time')!,
    subject: attribute('subject') ?? '',
    datacontenttype: 'application/json',
    correlationid: attribute('correlationid') ?? attribute('id')!,
    causationid: attribute('causationid'),
    data,
  };
}
