import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail, AuthenticatedUser } from '@passerelle/auth';
import { UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { DetentionState } from '../domain/detention';
import { DetentionOutOfTerritoryError } from './get-detention.use-case';
import { DETENTION_REPOSITORY, DetentionQuery, DetentionRepository } from './ports/detention.repository';

export interface DetentionListRequest extends Omit<DetentionQuery, 'departements'> {
  departement?: string;
}

export interface DetentionPage {
  items: DetentionState[];
  page: number;
  pageSize: number;
  total: number;
}

/**
 * The calendar view of the user's territory: one département, or all of the user's when none is
 * named. Each file listed is a read of a personal file, so each is audited.
 */
@Injectable()
export class ListDetentions {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(DETENTION_REPOSITORY) private readonly detentions: DetentionRepository,
    private readonly audit: AuditTrail,
  ) {}

  execute({ departement, ...filters }: DetentionListRequest, actor: AuthenticatedUser): Promise<DetentionPage> {
    if (departement && !actor.mayActOn(departement)) throw new DetentionOutOfTerritoryError(departement);
    const departements = departement ? [departement] : actor.hasRole('admin') ? 'all' : actor.departements;
    return this.unitOfWork.run(async (tx) => {
      const { items, total } = await this.detentions.list(tx, { ...filters, departements });
      const states = items.map((detention) => detention.snapshot());
      for (const state of states) {
        await this.audit.record(tx, { actor, action: 'read', resourceType: 'detention', resourceId: state.id, personId: state.personId });
      }
      return { items: states, page: filters.page, pageSize: filters.pageSize, total };
    });
  }
}
