/** Fields that name a person: only the SPIP following the case receives them. */
const IDENTITY_FIELDS = new Set(['identity', 'lastName', 'firstNames', 'birthDate', 'ecrou']);

export type SubscriberRole = 'spip' | 'siao' | 'structure' | 'prefecture' | 'admin';

/** A préfecture reads figures (API, SSE, Kafka), never one person's events: it has no webhooks. */
export const SUBSCRIBER_ROLES: readonly SubscriberRole[] = ['spip', 'siao', 'structure', 'admin'];

/** What a submitted request says of the person's situation: for a structure only with the consent naming host structures. */
const FILE_FIELDS = new Set(['household', 'needs', 'resources', 'rightsToReopen', 'preferredTerritories', 'careContinuity', 'consent']);

/** Départements an event is about, as each kind of subscriber reads them. */
export function departementsOf(data: Record<string, unknown>, role: SubscriberRole): string[] {
  const fields = role === 'spip' ? ['spipDepartement'] : ['siaoDepartement', 'destinationDepartement'];
  return fields.map((field) => data[field]).filter((value): value is string => typeof value === 'string');
}

/**
 * The payload as a subscriber of this role may receive it: no name, birth date or écrou but for the
 * SPIP; for a structure, nothing of the request's file unless the consent names host structures, and
 * the care-continuity flag only if it names health partners too.
 */
export function payloadFor(role: SubscriberRole, data: Record<string, unknown>): Record<string, unknown> {
  if (role === 'spip') return data;
  const recipients = (data.consent as { recipients?: string[] } | undefined)?.recipients ?? [];
  const hidden = (key: string) => IDENTITY_FIELDS.has(key) || (role === 'structure' && FILE_FIELDS.has(key)
    && (!recipients.includes('host_structures') || (key === 'careContinuity' && !recipients.includes('health_partners'))));
  return Object.fromEntries(Object.entries(data).filter(([key]) => !hidden(key)));
}
