import { detentionRegisteredV1, Topics } from '@passerelle/contracts';
import { describeHostileRecords, startService } from '@passerelle/testing';
import { referralService } from '../../src/referral.definition';
import { ReferralModule } from '../../src/referral.module';

describeHostileRecords('referral: hostile records on every topic it consumes', () => startService(ReferralModule, referralService), [
  [Topics.releaseCalendar, detentionRegisteredV1.type],
  [Topics.housingPlacement, 'housing-placement.placement.confirmed.v1'],
]);
