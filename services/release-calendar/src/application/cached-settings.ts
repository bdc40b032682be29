import { Transaction } from '@passerelle/service-kit';
import { DepartementSettings } from '../domain/departement-settings';
import { DepartementSettingsRepository } from './ports/departement-settings.repository';

/** Each département's settings read once for the length of one import or sweep. */
export function cachedSettings(repository: DepartementSettingsRepository) {
  const known = new Map<string, DepartementSettings>();
  return async (tx: Transaction, departement: string): Promise<DepartementSettings> => {
    const cached = known.get(departement);
    if (cached) return cached;
    const settings = await repository.get(tx, departement);
    known.set(departement, settings);
    return settings;
  };
}
