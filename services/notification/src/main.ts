import 'reflect-metadata';
import { runService } from '@passerelle/service-kit';
import { notificationService } from './notification.definition';
import { NotificationModule } from './notification.module';

void runService(NotificationModule, notificationService);
