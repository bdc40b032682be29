import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

/** A class whose instances are an event's payload, validated by class-validator decorators. */
export type PayloadClass<T extends object> = new () => T;

/**
 * Everything producers and consumers need to know about one version of one event.
 * Declared once in this library and imported on both sides, so no topic or type
 * string is ever written by hand in a service.
 */
export interface EventDescriptor<T extends object> {
  /** `<service>.<noun>.<verb>.v<version>`, the CloudEvents `type`. */
  readonly type: string;
  readonly version: number;
  readonly topic: string;
  readonly payload: PayloadClass<T>;
  /** Kafka record key: the person's id, so that every event about one person stays in order. */
  readonly key: (payload: T) => string;
  /** CloudEvents `subject`: the aggregate the event is about. */
  readonly subject: (payload: T) => string;
}

/** Any version of any event, for catalogs and registries that hold many types at once. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEventDescriptor = EventDescriptor<any>;

export interface EventDefinition<T extends object> {
  name: string;
  version: number;
  topic: string;
  payload: PayloadClass<T>;
  key: (payload: T) => string;
  subject?: (payload: T) => string;
}

const EVENT_NAME = /^[a-z][a-z-]*\.[a-z][a-z-]*\.[a-z][a-z-]*$/;

export function defineEvent<T extends object>(definition: EventDefinition<T>): EventDescriptor<T> {
  if (!EVENT_NAME.test(definition.name)) {
    throw new Error(`event name "${definition.name}" must be <service>.<noun>.<verb>`);
  }
  return {
    type: `${definition.name}.v${definition.version}`,
    version: definition.version,
    topic: definition.topic,
    payload: definition.payload,
    key: definition.key,
    subject: definition.subject ?? definition.key,
  };
}

export class InvalidPayloadError extends Error {
  constructor(
    readonly eventType: string,
    readonly violations: string[],
  ) {
    super(`invalid ${eventType} payload: ${violations.join('; ')}`);
    this.name = 'InvalidPayloadError';
  }
}

/**
 * Turns plain data into the payload class and validates it. Producers reject unknown fields;
 * consumers drop them, so that a producer may add an optional field within a version before
 * every consumer knows it.
 */
export function parsePayload<T extends object>(descriptor: EventDescriptor<T>, data: unknown, options: { rejectUnknownFields?: boolean } = {}): T {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InvalidPayloadError(descriptor.type, ['payload must be a JSON object']);
  }
  const instance = plainToInstance(descriptor.payload, data);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: options.rejectUnknownFields ?? true });
  if (errors.length > 0) {
    throw new InvalidPayloadError(descriptor.type, violationsOf(errors).map((v) => `${v.field}: ${v.message}`));
  }
  return instance;
}

/** One broken rule of one field, nested fields written with dots (`identity.birthDate`). */
export interface FieldViolation {
  field: string;
  rule: string;
  message: string;
}

/** class-validator's error tree as a flat list: the shape of every 400/422 body and DLQ error. */
export function violationsOf(errors: ValidationError[], prefix = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = `${prefix}${error.property}`;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...violationsOf(error.children ?? [], `${field}.`)];
  });
}
