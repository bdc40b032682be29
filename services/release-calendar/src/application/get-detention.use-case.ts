import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail, AuthenticatedUser } from '@passerelle/auth';
import { UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { DetentionState } from '../domain/detention';
import { DETENTION_REPOSITORY, DetentionRepository } from './ports/detention.repository';

export class DetentionNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`detention ${id} not found`);
  }
}

export class DetentionOutOfTerritoryError extends Error {
  constructor(readonly departement: string) {
    super(`not allowed for département ${departement}`);
  }
}

/** Reads one detention file for a user of its territory; the read is audited. */
@Injectable()
export class GetDetention {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(DETENTION_REPOSITORY) private readonly detentions: DetentionRepository,
    private readonly audit: AuditTrail,
  ) {}

  execute(id: string, actor: AuthenticatedUser): Promise<DetentionState> {
    return this.unitOfWork.run(async (tx) => {
      const detention = (await this.detentions.findById(tx, id))?.snapshot();
      if (!detention) throw new DetentionNotFoundError(id);
      if (!actor.mayActOn(detention.spipDepartement)) throw new DetentionOutOfTerritoryError(detention.spipDepartement);
      await this.audit.record(tx, { actor, action: 'read', resourceType: 'detention', resourceId: id, personId: detention.personId });
      return detention;
    });
  }
}
