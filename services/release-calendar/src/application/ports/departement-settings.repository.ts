import { Transaction } from '@passerelle/service-kit';
import { DepartementSettings } from '../../domain/departement-settings';

/** Per-département calendar settings; a département never configured gets the defaults. */
export interface DepartementSettingsRepository {
  get(tx: Transaction, departement: string): Promise<DepartementSettings>;
  save(tx: Transaction, departement: string, settings: DepartementSettings): Promise<void>;
}

export const DEPARTEMENT_SETTINGS_REPOSITORY = Symbol('DEPARTEMENT_SETTINGS_REPOSITORY');
