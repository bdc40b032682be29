import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createLogger } from '@passerelle/observability';
import { SweepCalendar } from '../../application/sweep-calendar.use-case';

/**
 * Runs the sweep at start (catching up on days the service was down) and then regularly. It
 * looks often rather than once at midnight: a sweep with nothing due costs one indexed query,
 * and the day's milestones go out early in the morning whatever the hour of the last start.
 * CALENDAR_SWEEP_EVERY_MINUTES=0 turns it off (tests drive the sweep themselves).
 */
@Injectable()
export class DailySweepScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = createLogger('release-calendar').child({ component: 'sweep' });
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly sweep: SweepCalendar) {}

  onApplicationBootstrap(): void {
    const minutes = Number(process.env.CALENDAR_SWEEP_EVERY_MINUTES ?? 15);
    if (minutes <= 0) return;
    this.runOnce();
    this.timer = setInterval(() => this.runOnce(), minutes * 60_000);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private runOnce(): void {
    this.running = this.sweep
      .execute()
      .then((report) => report.events > 0 && this.logger.info(report, 'calendar sweep'))
      .catch((error) => this.logger.error({ err: error }, 'calendar sweep failed; next run retries'));
  }
}
