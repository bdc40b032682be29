import { Topics } from '@passerelle/contracts';
import { ServiceDefinition } from '@passerelle/service-kit';
import { DepartementSettingsEntity } from './adapters/persistence/departement-settings.entity';
import { DetentionEntity } from './adapters/persistence/detention.entity';
import { ReleaseDateChangeEntity } from './adapters/persistence/release-date-change.entity';
import { InitialSchema1763900000000 } from './adapters/persistence/migrations/1763900000000-initial-schema';
import { ReleaseSchedule1763990000000 } from './adapters/persistence/migrations/1763990000000-release-schedule';
import { ReleaseDateHistory1764000000000 } from './adapters/persistence/migrations/1764000000000-release-date-history';
import { PersonalDataRetention1765000000000 } from './adapters/persistence/migrations/1765000000000-personal-data-retention';

export const releaseCalendarService: ServiceDefinition = {
  name: 'release-calendar',
  description: 'Detentions, expected release dates, the reliquat window and its milestones',
  defaultPort: 3001,
  schema: 'release_calendar',
  entities: [DetentionEntity, DepartementSettingsEntity, ReleaseDateChangeEntity],
  migrations: [InitialSchema1763900000000, ReleaseSchedule1763990000000, ReleaseDateHistory1764000000000, PersonalDataRetention1765000000000],
  produces: [Topics.releaseCalendar],
};
