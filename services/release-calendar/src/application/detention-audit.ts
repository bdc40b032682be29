import { AuditEntry, AuthenticatedUser } from '@passerelle/auth';
import { Detention } from '../domain/detention';

/** The audit row of a change to a detention: who, what, and whose file. */
export function auditOf(detention: Detention, action: string, actor: AuthenticatedUser): AuditEntry {
  const { id, personId } = detention.snapshot();
  return { actor, action, resourceType: 'detention', resourceId: id, personId };
}
