import { Module } from '@nestjs/common';
import { ServicePlatformModule } from '@passerelle/service-kit';
import { IndicatorsController } from './adapters/http/indicators.controller';
import { DetentionEventsConsumer } from './adapters/kafka/detention-events.consumer';
import { DailyIndicatorTypeormRepository } from './adapters/persistence/daily-indicator.typeorm-repository';
import { CountDetentionRegistration } from './application/count-detention-registration.use-case';
import { GetDailyIndicators } from './application/get-daily-indicators.use-case';
import { DAILY_INDICATOR_REPOSITORY } from './application/ports/daily-indicator.repository';
import { notificationService } from './notification.definition';

@Module({
  imports: [ServicePlatformModule.forService(notificationService)],
  controllers: [IndicatorsController],
  providers: [
    CountDetentionRegistration,
    GetDailyIndicators,
    DetentionEventsConsumer,
    { provide: DAILY_INDICATOR_REPOSITORY, useClass: DailyIndicatorTypeormRepository },
  ],
})
export class NotificationModule {}
