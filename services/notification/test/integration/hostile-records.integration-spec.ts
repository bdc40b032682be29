import { detentionRegisteredV1, requestOpenedV1, Topics } from '@passerelle/contracts';
import { describeHostileRecords, startService } from '@passerelle/testing';
import { notificationService } from '../../src/notification.definition';
import { NotificationModule } from '../../src/notification.module';

describeHostileRecords('notification: hostile records on every topic it consumes', () => startService(NotificationModule, notificationService), [
  [Topics.releaseCalendar, detentionRegisteredV1.type],
  [Topics.referral, requestOpenedV1.type],
  [Topics.housingPlacement, 'housing-placement.placement.confirmed.v1'],
]);
