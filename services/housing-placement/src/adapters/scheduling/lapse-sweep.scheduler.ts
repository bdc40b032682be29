import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createLogger } from '@passerelle/observability';
import { PeriodicTask } from '@passerelle/service-kit';
import { LapseOrientations } from '../../application/lapse-orientations.use-case';

/** Lapses orientations not taken in time, at start and then every LAPSE_SWEEP_EVERY_MINUTES (0 turns it off). */
@Injectable()
export class LapseSweepScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask<{ today: string; lapsed: number }>;

  constructor(lapse: LapseOrientations) {
    this.task = new PeriodicTask({
      everyMinutes: Number(process.env.LAPSE_SWEEP_EVERY_MINUTES ?? 60),
      logger: createLogger('housing-placement').child({ component: 'lapse-sweep' }),
      run: () => lapse.run(),
      worthLogging: (report) => report.lapsed > 0,
    });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
