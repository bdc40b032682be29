import { Topics } from '@passerelle/contracts';
import { ServiceDefinition } from '@passerelle/service-kit';
import { InitialSchema1763900000000 } from './adapters/persistence/migrations/1763900000000-initial-schema';
import { Webhooks1764600000000 } from './adapters/persistence/migrations/1764600000000-webhooks';
import { IndicatorReadModel1764700000000 } from './adapters/persistence/migrations/1764700000000-indicator-read-model';
import { PersonalDataRetention1765000000000 } from './adapters/persistence/migrations/1765000000000-personal-data-retention';
import { ReleaseOutlook1765100000000 } from './adapters/persistence/migrations/1765100000000-release-outlook';
import { IndicatorSpanIndexes1765200000000 } from './adapters/persistence/migrations/1765200000000-indicator-span-indexes';

export const notificationService: ServiceDefinition = {
  name: 'notification',
  description: 'Alerts to the field and the préfecture indicators per département (figures, never people)',
  defaultPort: 3004,
  schema: 'notification',
  entities: [],
  migrations: [
    InitialSchema1763900000000, Webhooks1764600000000, IndicatorReadModel1764700000000, PersonalDataRetention1765000000000, ReleaseOutlook1765100000000,
    IndicatorSpanIndexes1765200000000,
  ],
  produces: [Topics.prefectureIndicators],
};
