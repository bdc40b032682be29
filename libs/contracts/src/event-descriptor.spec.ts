import { IsInt, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import { defineEvent, InvalidPayloadError, parsePayload } from './event-descriptor';

class ParcelShippedV2 {
  @IsUUID() personId!: string;
  @IsUUID() parcelId!: string;
  @IsInt() @Min(1) weightGrams!: number;
  @IsOptional() @IsString() note?: string;
}

const personId = '6f1c2a4e-8d3b-4c1a-9e2f-1a2b3c4d5e6f';
const parcelId = '0b7e9d8c-1f2a-4b3c-8d4e-5f6a7b8c9d0e';

const parcelShippedV2 = defineEvent({
  name: 'logistics.parcel.shipped', version: 2, topic: 'logistics.events', payload: ParcelShippedV2,
  key: (e) => e.personId, subject: (e) => e.parcelId,
});

function violationsOf(data: unknown): string[] {
  try {
    parsePayload(parcelShippedV2, data);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidPayloadError);
    expect((error as InvalidPayloadError).eventType).toBe('logistics.parcel.shipped.v2');
    return (error as InvalidPayloadError).violations;
  }
  throw new Error('payload was accepted');
}

describe('defineEvent', () => {
  it('names the type <service>.<noun>.<verb>.v<version> and keeps topic, payload, key and subject', () => {
    expect(parcelShippedV2.type).toBe('logistics.parcel.shipped.v2');
    expect(parcelShippedV2.version).toBe(2);
    expect(parcelShippedV2.topic).toBe('logistics.events');
    expect(parcelShippedV2.payload).toBe(ParcelShippedV2);
    const payload = Object.assign(new ParcelShippedV2(), { personId, parcelId, weightGrams: 10 });
    expect(parcelShippedV2.key(payload)).toBe(personId);
    expect(parcelShippedV2.subject(payload)).toBe(parcelId);
  });

  it('uses the key as subject when no subject is given', () => {
    const descriptor = defineEvent({ name: 'logistics.parcel.lost', version: 1, topic: 'logistics.events', payload: ParcelShippedV2, key: (e) => e.personId });
    expect(descriptor.subject(Object.assign(new ParcelShippedV2(), { personId, parcelId }))).toBe(personId);
  });

  it('accepts hyphenated service and noun names', () => {
    expect(defineEvent({ name: 'release-calendar.release-date.changed', version: 3, topic: 't', payload: ParcelShippedV2, key: (e) => e.personId }).type)
      .toBe('release-calendar.release-date.changed.v3');
  });

  it.each([
    'logistics.parcel',
    'logistics.parcel.shipped.now',
    'logistics.parcel.shipped.v1',
    'Logistics.parcel.shipped',
    'logistics.parcel_item.shipped',
    'logistics..shipped',
    '1logistics.parcel.shipped',
    'logistics.parcel.shipped ',
    '',
  ])('rejects the name %j', (name) => {
    expect(() => defineEvent({ name, version: 1, topic: 't', payload: ParcelShippedV2, key: (e) => e.personId }))
      .toThrow(`event name "${name}" must be <service>.<noun>.<verb>`);
  });
});

describe('parsePayload', () => {
  it('returns an instance of the payload class for a valid payload', () => {
    const parsed = parsePayload(parcelShippedV2, { personId, parcelId, weightGrams: 250, note: 'fragile' });
    expect(parsed).toBeInstanceOf(ParcelShippedV2);
    expect(parsed).toEqual({ personId, parcelId, weightGrams: 250, note: 'fragile' });
  });

  it('accepts a payload without its optional fields', () => {
    expect(parsePayload(parcelShippedV2, { personId, parcelId, weightGrams: 1 })).toEqual({ personId, parcelId, weightGrams: 1 });
  });

  it('rejects unknown fields, naming them', () => {
    expect(violationsOf({ personId, parcelId, weightGrams: 1, colour: 'red' })).toEqual(['colour: property colour should not exist']);
  });

  it('rejects wrong types and missing fields, naming each field', () => {
    const violations = violationsOf({ personId: 'not-a-uuid', weightGrams: '250', note: 3 });
    expect(violations).toEqual(expect.arrayContaining([
      expect.stringMatching(/^personId: /),
      expect.stringMatching(/^parcelId: /),
      expect.stringMatching(/^weightGrams: .*integer/),
      expect.stringMatching(/^note: .*string/),
    ]));
    expect(violations).toHaveLength(new Set(violations).size);
  });

  it('rejects a value under a field’s minimum', () => {
    expect(violationsOf({ personId, parcelId, weightGrams: 0 })).toEqual(['weightGrams: weightGrams must not be less than 1']);
  });

  it.each([null, undefined, 'text', 42, true, [], [{ personId, parcelId, weightGrams: 1 }]])('rejects the non-object %j', (data) => {
    expect(violationsOf(data)).toEqual(['payload must be a JSON object']);
  });

  it('puts the event type and the violations in the error message', () => {
    expect(() => parsePayload(parcelShippedV2, { personId, parcelId, weightGrams: 1, extra: 1 }))
      .toThrow('invalid logistics.parcel.shipped.v2 payload: extra: property extra should not exist');
  });
});
