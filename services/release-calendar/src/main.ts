import 'reflect-metadata';
import { runService } from '@passerelle/service-kit';
import { releaseCalendarService } from './release-calendar.definition';
import { ReleaseCalendarModule } from './release-calendar.module';

void runService(ReleaseCalendarModule, releaseCalendarService);
