import { Module } from '@nestjs/common';
import { ServicePlatformModule } from '@passerelle/service-kit';
import { ReferralsController } from './adapters/http/referrals.controller';
import { PersonalDataController } from './adapters/http/personal-data.controller';
import { StallSweepController } from './adapters/http/stall-sweep.controller';
import { TrackedDetentionsController } from './adapters/http/tracked-detentions.controller';
import { CalendarEventsConsumer } from './adapters/kafka/calendar-events.consumer';
import { DetentionEventsConsumer } from './adapters/kafka/detention-events.consumer';
import { HousingPlacementEventsConsumer } from './adapters/kafka/housing-placement-events.consumer';
import { PersonalDataSqlRepository } from './adapters/persistence/personal-data.sql-repository';
import { ReferralJournalTypeorm } from './adapters/persistence/referral-journal.typeorm';
import { ReferralTypeormRepository } from './adapters/persistence/referral.typeorm-repository';
import { TrackedDetentionTypeormRepository } from './adapters/persistence/tracked-detention.typeorm-repository';
import { RetentionSweepScheduler } from './adapters/scheduling/retention-sweep.scheduler';
import { StallSweepScheduler } from './adapters/scheduling/stall-sweep.scheduler';
import { EraseClosedCases } from './application/erase-closed-cases.use-case';
import { ExportPersonalData } from './application/export-personal-data.use-case';
import { FollowHousingPlacement } from './application/follow-housing-placement.use-case';
import { FollowReleaseCalendar } from './application/follow-release-calendar.use-case';
import { GetTrackedDetention } from './application/get-tracked-detention.use-case';
import { PERSONAL_DATA_REPOSITORY } from './application/ports/personal-data.repository';
import { REFERRAL_JOURNAL } from './application/ports/referral-journal';
import { REFERRAL_REPOSITORY } from './application/ports/referral.repository';
import { TRACKED_DETENTION_REPOSITORY } from './application/ports/tracked-detention.repository';
import { ReferralCommands } from './application/referral-commands.use-case';
import { ReferralEventPublisher } from './application/referral-event-publisher';
import { ReferralQueries } from './application/referral-queries.use-case';
import { ReferralStore } from './application/referral-store';
import { STALL_POLICY, SweepStalledReferrals } from './application/sweep-stalled-referrals.use-case';
import { TrackDetention } from './application/track-detention.use-case';
import { stallPolicyFromEnv } from './referral.config';
import { referralService } from './referral.definition';

@Module({
  imports: [ServicePlatformModule.forService(referralService)],
  controllers: [ReferralsController, TrackedDetentionsController, StallSweepController, PersonalDataController],
  providers: [
    TrackDetention,
    GetTrackedDetention,
    FollowReleaseCalendar,
    FollowHousingPlacement,
    ReferralCommands,
    ReferralQueries,
    ReferralStore,
    ReferralEventPublisher,
    SweepStalledReferrals,
    StallSweepScheduler,
    EraseClosedCases,
    ExportPersonalData,
    RetentionSweepScheduler,
    DetentionEventsConsumer,
    CalendarEventsConsumer,
    HousingPlacementEventsConsumer,
    { provide: STALL_POLICY, useFactory: stallPolicyFromEnv },
    { provide: REFERRAL_REPOSITORY, useClass: ReferralTypeormRepository },
    { provide: REFERRAL_JOURNAL, useClass: ReferralJournalTypeorm },
    { provide: TRACKED_DETENTION_REPOSITORY, useClass: TrackedDetentionTypeormRepository },
    { provide: PERSONAL_DATA_REPOSITORY, useClass: PersonalDataSqlRepository },
  ],
})
export class ReferralModule {}
