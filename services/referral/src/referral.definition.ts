import { Topics } from '@passerelle/contracts';
import { ServiceDefinition } from '@passerelle/service-kit';
import { TrackedDetentionEntity } from './adapters/persistence/tracked-detention.entity';
import { InitialSchema1763900000000 } from './adapters/persistence/migrations/1763900000000-initial-schema';
import { Referrals1764100000000 } from './adapters/persistence/migrations/1764100000000-referrals';
import { ReferralEntity } from './adapters/persistence/referral.entity';
import { ReferralFiles1764300000000 } from './adapters/persistence/migrations/1764300000000-referral-files';
import { PersonalDataRetention1765000000000 } from './adapters/persistence/migrations/1765000000000-personal-data-retention';
import { StallCandidates1765200000000 } from './adapters/persistence/migrations/1765200000000-stall-candidates';

export const referralService: ServiceDefinition = {
  name: 'referral',
  description: 'SIAO requests of people leaving prison, from the detentions the SPIP follows',
  defaultPort: 3002,
  schema: 'referral',
  entities: [TrackedDetentionEntity, ReferralEntity],
  migrations: [InitialSchema1763900000000, Referrals1764100000000, ReferralFiles1764300000000, PersonalDataRetention1765000000000, StallCandidates1765200000000],
  produces: [Topics.referral],
};
