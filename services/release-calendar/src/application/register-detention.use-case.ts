import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail, AuthenticatedUser } from '@passerelle/auth';
import { Clock, CLOCK, UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { Detention, DetentionState, NewDetention } from '../domain/detention';
import { DetentionStore } from './detention-store';
import { DEPARTEMENT_SETTINGS_REPOSITORY, DepartementSettingsRepository } from './ports/departement-settings.repository';
import { todayFrom } from './today';

/**
 * Registers a detention and announces it, with whatever its calendar already makes true (a
 * short sentence arrives inside the window), in one transaction with its audit record.
 */
@Injectable()
export class RegisterDetention {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(DEPARTEMENT_SETTINGS_REPOSITORY) private readonly settings: DepartementSettingsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly store: DetentionStore,
    private readonly audit: AuditTrail,
  ) {}

  execute(input: NewDetention, actor: AuthenticatedUser): Promise<DetentionState> {
    return this.unitOfWork.run(async (tx) => {
      const settings = await this.settings.get(tx, input.destinationDepartement ?? input.spipDepartement);
      const { detention, events } = Detention.register(input, todayFrom(this.clock), settings);
      await this.store.save(tx, detention, events, settings, actor.subject, true);
      const state = detention.snapshot();
      await this.audit.record(tx, { actor, action: 'create', resourceType: 'detention', resourceId: state.id, personId: state.personId });
      return state;
    });
  }
}
