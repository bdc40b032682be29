import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail } from '@passerelle/auth';
import { DetentionRegisteredV1 } from '@passerelle/contracts';
import { Transaction } from '@passerelle/service-kit';
import { TrackedDetention } from '../domain/tracked-detention';
import { TRACKED_DETENTION_REPOSITORY, TrackedDetentionRepository } from './ports/tracked-detention.repository';

/**
 * Starts following a detention that release-calendar registered.
 *
 * Transaction boundary: runs in the caller's transaction (the consumer's, which also records the
 * event in the inbox). Idempotent by construction: a second registration of the same detention
 * changes nothing and writes no audit row.
 */
@Injectable()
export class TrackDetention {
  constructor(
    @Inject(TRACKED_DETENTION_REPOSITORY) private readonly detentions: TrackedDetentionRepository,
    private readonly audit: AuditTrail,
  ) {}

  async execute(tx: Transaction, event: DetentionRegisteredV1): Promise<void> {
    const detention = TrackedDetention.track({
      detentionId: event.detentionId,
      personId: event.personId,
      spipDepartement: event.spipDepartement,
      destinationDepartement: event.destinationDepartement,
      expectedReleaseDate: event.expectedReleaseDate,
      registeredAt: new Date(event.registeredAt),
    });
    if (!(await this.detentions.trackIfNew(tx, detention))) return;
    await this.audit.record(tx, { actor: 'system', action: 'create', resourceType: 'tracked-detention', resourceId: event.detentionId, personId: event.personId });
  }
}
