/**
 * Who calls Passerelle: a probation service (SPIP), the SIAO that allocates housing, a housing
 * structure, the préfecture, and the platform's own administrators.
 */
export const ROLES = ['spip', 'siao', 'structure', 'prefecture', 'admin'] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
