import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createLogger } from '@passerelle/observability';
import { PeriodicTask } from '@passerelle/service-kit';
import { SweepCalendar, SweepReport } from '../../application/sweep-calendar.use-case';

/**
 * Runs the sweep at start and then regularly. It looks often rather than once at midnight: a
 * sweep with nothing due costs one indexed query, and the day's milestones go out early in the
 * morning whatever the hour of the last start. CALENDAR_SWEEP_EVERY_MINUTES=0 turns it off.
 */
@Injectable()
export class DailySweepScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask<SweepReport>;

  constructor(sweep: SweepCalendar) {
    this.task = new PeriodicTask({
      everyMinutes: Number(process.env.CALENDAR_SWEEP_EVERY_MINUTES ?? 15),
      logger: createLogger('release-calendar').child({ component: 'sweep' }),
      run: () => sweep.execute(),
      worthLogging: (report) => report.events > 0,
    });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
