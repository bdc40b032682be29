/** Fields that name a person: only the SPIP following the case receives them. */
const IDENTITY_FIELDS = new Set(['identity', 'lastName', 'firstNames', 'birthDate', 'ecrou']);

export type SubscriberRole = 'spip' | 'siao' | 'structure' | 'prefecture' | 'admin';

export const SUBSCRIBER_ROLES: readonly SubscriberRole[] = ['spip', 'siao', 'structure', 'prefecture', 'admin'];

/** Départements an event is about, as each kind of subscriber reads them. */
export function departementsOf(data: Record<string, unknown>, role: SubscriberRole): string[] {
  const fields = role === 'spip' ? ['spipDepartement'] : ['siaoDepartement', 'destinationDepartement'];
  return fields.map((field) => data[field]).filter((value): value is string => typeof value === 'string');
}

/** The payload as a subscriber of this role may receive it: no name, birth date or écrou but for the SPIP. */
export function payloadFor(role: SubscriberRole, data: Record<string, unknown>): Record<string, unknown> {
  if (role === 'spip') return data;
  return Object.fromEntries(Object.entries(data).filter(([key]) => !IDENTITY_FIELDS.has(key)));
}
