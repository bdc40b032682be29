import { Topics } from '@passerelle/contracts';
import { ServiceDefinition } from '@passerelle/service-kit';
import { HOUSING_ENTITIES } from './adapters/persistence/housing.entities';
import { InitialSchema1763900000000 } from './adapters/persistence/migrations/1763900000000-initial-schema';
import { PlacesAndRequests1764500000000 } from './adapters/persistence/migrations/1764500000000-places-and-requests';
import { PersonalDataRetention1765000000000 } from './adapters/persistence/migrations/1765000000000-personal-data-retention';
import { RetentionOfOpenRequests1765100000000 } from './adapters/persistence/migrations/1765100000000-retention-of-open-requests';

export const housingPlacementService: ServiceDefinition = {
  name: 'housing-placement',
  description: 'Structures, places and pre-admissions: from the SIAO orientation to the entry into housing',
  defaultPort: 3003,
  schema: 'housing_placement',
  entities: HOUSING_ENTITIES,
  migrations: [InitialSchema1763900000000, PlacesAndRequests1764500000000, PersonalDataRetention1765000000000, RetentionOfOpenRequests1765100000000],
  produces: [Topics.housingPlacement],
};
