import { Module } from '@nestjs/common';
import { ServicePlatformModule } from '@passerelle/service-kit';
import { IndicatorsController } from './adapters/http/indicators.controller';
import { PersonalDataController } from './adapters/http/personal-data.controller';
import { SubscriptionsController } from './adapters/http/subscriptions.controller';
import { EveryEventConsumer } from './adapters/kafka/every-event.consumer';
import { HttpWebhookSender } from './adapters/outbound/http-webhook-sender';
import { IndicatorSqlRepository } from './adapters/persistence/indicator.sql-repository';
import { OutlookSqlRepository } from './adapters/persistence/outlook.sql-repository';
import { PgIndicatorChanges } from './adapters/live/indicator-changes.pg';
import { DeliverySqlRepository } from './adapters/persistence/delivery.sql-repository';
import { PersonalDataSqlRepository } from './adapters/persistence/personal-data.sql-repository';
import { SubscriptionSqlRepository } from './adapters/persistence/subscription.sql-repository';
import { OwnerNoticeSqlRepository } from './adapters/persistence/owner-notice.sql-repository';
import { WebhookDispatcher } from './adapters/scheduling/webhook-dispatcher';
import { RetentionSweepScheduler } from './adapters/scheduling/retention-sweep.scheduler';
import { EraseClosedCases } from './application/erase-closed-cases.use-case';
import { ExportPersonalData } from './application/export-personal-data.use-case';
import { ProjectIndicators } from './application/project-indicators.use-case';
import { PublishIndicatorChanges } from './application/publish-indicator-changes.use-case';
import { IndicatorPublisher } from './adapters/scheduling/indicator-publisher';
import { OutlookPublisher } from './adapters/scheduling/outlook-publisher';
import { GetOutlook } from './application/get-outlook.use-case';
import { ProjectOutlook } from './application/project-outlook.use-case';
import { PublishOutlookChanges } from './application/publish-outlook-changes.use-case';
import { OUTLOOK_CHANGE_SIGNAL, OUTLOOK_REPOSITORY } from './application/ports/outlook.repository';
import { GetDailyIndicators } from './application/get-daily-indicators.use-case';
import { PERSONAL_DATA_REPOSITORY } from './application/ports/personal-data.repository';
import { INDICATOR_CHANGE_SIGNAL, INDICATOR_REPOSITORY } from './application/ports/indicator.repository';
import { DELIVERY_REPOSITORY, OWNER_NOTICE_REPOSITORY, SUBSCRIPTION_REPOSITORY, WEBHOOK_SENDER, WEBHOOK_SETTINGS } from './application/ports/webhook.ports';
import { DeliverWebhooks } from './application/webhooks/deliver-webhooks.use-case';
import { FanOutEvent } from './application/webhooks/fan-out-event.use-case';
import { SubscriptionCommands } from './application/webhooks/subscription-commands.use-case';
import { webhookSettingsFromEnv } from './notification.config';
import { notificationService } from './notification.definition';

@Module({
  imports: [ServicePlatformModule.forService(notificationService)],
  controllers: [IndicatorsController, SubscriptionsController, PersonalDataController],
  providers: [
    ProjectIndicators,
    PublishIndicatorChanges,
    IndicatorPublisher,
    PgIndicatorChanges,
    GetDailyIndicators,
    ProjectOutlook,
    PublishOutlookChanges,
    OutlookPublisher,
    GetOutlook,
    FanOutEvent,
    DeliverWebhooks,
    SubscriptionCommands,
    WebhookDispatcher,
    EveryEventConsumer,
    EraseClosedCases,
    ExportPersonalData,
    RetentionSweepScheduler,
    { provide: WEBHOOK_SETTINGS, useFactory: () => webhookSettingsFromEnv() },
    { provide: WEBHOOK_SENDER, useClass: HttpWebhookSender },
    { provide: SUBSCRIPTION_REPOSITORY, useClass: SubscriptionSqlRepository },
    { provide: DELIVERY_REPOSITORY, useClass: DeliverySqlRepository },
    { provide: OWNER_NOTICE_REPOSITORY, useClass: OwnerNoticeSqlRepository },
    { provide: INDICATOR_REPOSITORY, useClass: IndicatorSqlRepository },
    { provide: PERSONAL_DATA_REPOSITORY, useClass: PersonalDataSqlRepository },
    { provide: INDICATOR_CHANGE_SIGNAL, useExisting: PgIndicatorChanges },
    { provide: OUTLOOK_REPOSITORY, useClass: OutlookSqlRepository },
    { provide: OUTLOOK_CHANGE_SIGNAL, useExisting: PgIndicatorChanges },
  ],
})
export class NotificationModule {}
