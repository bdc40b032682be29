import { Topics } from '@passerelle/contracts';
import { ServiceDefinition } from '@passerelle/service-kit';
import { InitialSchema1763900000000 } from './adapters/persistence/migrations/1763900000000-initial-schema';

export const housingPlacementService: ServiceDefinition = {
  name: 'housing-placement',
  description: 'Structures, places and pre-admissions: from the SIAO orientation to the entry into housing',
  defaultPort: 3003,
  schema: 'housing_placement',
  entities: [],
  migrations: [InitialSchema1763900000000],
  produces: [Topics.housingPlacement],
};
