import { Module } from '@nestjs/common';
import { ServicePlatformModule } from '@passerelle/service-kit';
import { TrackedDetentionsController } from './adapters/http/tracked-detentions.controller';
import { CalendarEventsConsumer } from './adapters/kafka/calendar-events.consumer';
import { DetentionEventsConsumer } from './adapters/kafka/detention-events.consumer';
import { ReferralTypeormRepository } from './adapters/persistence/referral.typeorm-repository';
import { FollowReleaseCalendar } from './application/follow-release-calendar.use-case';
import { REFERRAL_REPOSITORY } from './application/ports/referral.repository';
import { ReferralEventPublisher } from './application/referral-event-publisher';
import { TrackedDetentionTypeormRepository } from './adapters/persistence/tracked-detention.typeorm-repository';
import { GetTrackedDetention } from './application/get-tracked-detention.use-case';
import { TRACKED_DETENTION_REPOSITORY } from './application/ports/tracked-detention.repository';
import { TrackDetention } from './application/track-detention.use-case';
import { referralService } from './referral.definition';

@Module({
  imports: [ServicePlatformModule.forService(referralService)],
  controllers: [TrackedDetentionsController],
  providers: [
    TrackDetention,
    GetTrackedDetention,
    DetentionEventsConsumer,
    CalendarEventsConsumer,
    FollowReleaseCalendar,
    ReferralEventPublisher,
    { provide: REFERRAL_REPOSITORY, useClass: ReferralTypeormRepository },
    { provide: TRACKED_DETENTION_REPOSITORY, useClass: TrackedDetentionTypeormRepository },
  ],
})
export class ReferralModule {}
