import { describeHostileHttp, startService } from '@passerelle/testing';
import { releaseCalendarService } from '../../src/release-calendar.definition';
import { ReleaseCalendarModule } from '../../src/release-calendar.module';

describeHostileHttp('release-calendar: every operation of its API against hostile requests', () => startService(ReleaseCalendarModule, releaseCalendarService));
