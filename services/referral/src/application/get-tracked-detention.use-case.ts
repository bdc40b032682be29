import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail, AuthenticatedUser } from '@passerelle/auth';
import { UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { TrackedDetentionState } from '../domain/tracked-detention';
import { TRACKED_DETENTION_REPOSITORY, TrackedDetentionRepository } from './ports/tracked-detention.repository';

export class TrackedDetentionNotFoundError extends Error {
  constructor(readonly detentionId: string) {
    super(`tracked detention ${detentionId} not found`);
    this.name = 'TrackedDetentionNotFoundError';
  }
}

export class TrackedDetentionOutOfTerritoryError extends Error {
  constructor(readonly departement: string) {
    super(`not allowed for département ${departement}`);
    this.name = 'TrackedDetentionOutOfTerritoryError';
  }
}

/** Reads one tracked detention for a user of its SPIP's territory; the read is audited. */
@Injectable()
export class GetTrackedDetention {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(TRACKED_DETENTION_REPOSITORY) private readonly detentions: TrackedDetentionRepository,
    private readonly audit: AuditTrail,
  ) {}

  execute(detentionId: string, actor: AuthenticatedUser): Promise<TrackedDetentionState> {
    return this.unitOfWork.run(async (tx) => {
      const detention = (await this.detentions.findById(tx, detentionId))?.snapshot();
      if (!detention) throw new TrackedDetentionNotFoundError(detentionId);
      if (!actor.mayActOn(detention.spipDepartement)) throw new TrackedDetentionOutOfTerritoryError(detention.spipDepartement);
      await this.audit.record(tx, { actor, action: 'read', resourceType: 'tracked-detention', resourceId: detentionId, personId: detention.personId });
      return detention;
    });
  }
}
