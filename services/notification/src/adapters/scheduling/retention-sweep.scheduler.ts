import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createLogger } from '@passerelle/observability';
import { PeriodicTask, RetentionReport, retentionSweepEveryMinutes } from '@passerelle/service-kit';
import { EraseClosedCases } from '../../application/erase-closed-cases.use-case';

/** Erases closed cases past retention at start and then every RETENTION_SWEEP_EVERY_MINUTES (daily by default, 0 turns it off). */
@Injectable()
export class RetentionSweepScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask<RetentionReport>;

  constructor(erase: EraseClosedCases) {
    this.task = new PeriodicTask({
      everyMinutes: retentionSweepEveryMinutes(),
      logger: createLogger('notification').child({ component: 'retention-sweep' }),
      run: () => erase.run(),
      worthLogging: (report) => report.erased > 0,
    });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
