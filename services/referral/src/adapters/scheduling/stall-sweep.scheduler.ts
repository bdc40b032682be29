import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createLogger } from '@passerelle/observability';
import { PeriodicTask } from '@passerelle/service-kit';
import { StallSweepReport, SweepStalledReferrals } from '../../application/sweep-stalled-referrals.use-case';

/** Looks for stalled requests at start and then every STALL_SWEEP_EVERY_MINUTES (0 turns it off). */
@Injectable()
export class StallSweepScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask<StallSweepReport>;

  constructor(sweep: SweepStalledReferrals) {
    this.task = new PeriodicTask({
      everyMinutes: Number(process.env.STALL_SWEEP_EVERY_MINUTES ?? 60),
      logger: createLogger('referral').child({ component: 'stall-sweep' }),
      run: () => sweep.execute(),
      worthLogging: (report) => report.raised > 0,
    });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
