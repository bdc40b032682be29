import { describeHostileHttp, startService } from '@passerelle/testing';
import { referralService } from '../../src/referral.definition';
import { ReferralModule } from '../../src/referral.module';

describeHostileHttp('referral: every operation of its API against hostile requests', () => startService(ReferralModule, referralService));
