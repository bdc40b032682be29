import { describeHostileHttp, startService } from '@passerelle/testing';
import { notificationService } from '../../src/notification.definition';
import { NotificationModule } from '../../src/notification.module';

describeHostileHttp('notification: every operation of its API against hostile requests', () => startService(NotificationModule, notificationService));
