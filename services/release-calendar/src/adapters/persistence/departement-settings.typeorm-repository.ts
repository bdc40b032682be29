import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Transaction } from '@passerelle/service-kit';
import { DepartementSettingsRepository } from '../../application/ports/departement-settings.repository';
import { DEFAULT_DEPARTEMENT_SETTINGS, DepartementSettings, departementSettings } from '../../domain/departement-settings';
import { DepartementSettingsEntity } from './departement-settings.entity';

@Injectable()
export class DepartementSettingsTypeormRepository implements DepartementSettingsRepository {
  async get(tx: Transaction, departement: string): Promise<DepartementSettings> {
    const entity = await (tx as EntityManager).findOneBy(DepartementSettingsEntity, { departement });
    return entity ? departementSettings(entity.windowMonths, entity.milestoneDays) : DEFAULT_DEPARTEMENT_SETTINGS;
  }

  async save(tx: Transaction, departement: string, settings: DepartementSettings): Promise<void> {
    await (tx as EntityManager).upsert(DepartementSettingsEntity, { departement, ...settings }, ['departement']);
  }
}
