import 'reflect-metadata';
import { runService } from '@passerelle/service-kit';
import { referralService } from './referral.definition';
import { ReferralModule } from './referral.module';

void runService(ReferralModule, referralService);
