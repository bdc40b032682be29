import { Inject, Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@passerelle/auth';
import { UNIT_OF_WORK, UnitOfWork } from '@passerelle/service-kit';
import { DepartementSettings, departementSettings } from '../domain/departement-settings';
import { DetentionOutOfTerritoryError } from './get-detention.use-case';
import { DEPARTEMENT_SETTINGS_REPOSITORY, DepartementSettingsRepository } from './ports/departement-settings.repository';

/**
 * Reads and sets a département's calendar. A new setting applies from the next look at each
 * detention (its next change or the next sweep); nothing already announced is taken back.
 */
@Injectable()
export class ManageDepartementSettings {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(DEPARTEMENT_SETTINGS_REPOSITORY) private readonly settings: DepartementSettingsRepository,
  ) {}

  read(departement: string, actor: AuthenticatedUser): Promise<DepartementSettings> {
    if (!actor.mayActOn(departement)) throw new DetentionOutOfTerritoryError(departement);
    return this.unitOfWork.run((tx) => this.settings.get(tx, departement));
  }

  update(departement: string, windowMonths: number, milestoneDays: number[], actor: AuthenticatedUser): Promise<DepartementSettings> {
    if (!actor.mayActOn(departement)) throw new DetentionOutOfTerritoryError(departement);
    const settings = departementSettings(windowMonths, milestoneDays);
    return this.unitOfWork.run(async (tx) => {
      await this.settings.save(tx, departement, settings);
      return settings;
    });
  }
}
