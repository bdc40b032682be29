import { Logger } from 'pino';

export interface PeriodicTaskOptions<Report extends object> {
  /** 0 or less turns the task off (tests drive it themselves). */
  everyMinutes: number;
  logger: Logger;
  run: () => Promise<Report>;
  /** Whether a run did something worth a log line. */
  worthLogging: (report: Report) => boolean;
}

/**
 * Runs a task at start (catching up on the time the service was down), then regularly. A failed
 * run is logged and the next one retries; stopping waits for the run in progress.
 */
export class PeriodicTask<Report extends object> {
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: PeriodicTaskOptions<Report>) {
    // setInterval takes NaN as 1 ms: a typo in the setting must stop the start, not hammer the database.
    if (!Number.isFinite(options.everyMinutes)) throw new Error(`a periodic task needs a number of minutes, got ${options.everyMinutes}`);
  }

  start(): void {
    if (this.options.everyMinutes <= 0) return;
    this.runOnce();
    this.timer = setInterval(() => this.runOnce(), this.options.everyMinutes * 60_000);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private runOnce(): void {
    const { run, logger, worthLogging } = this.options;
    this.running = run()
      .then((report) => worthLogging(report) && logger.info({ report }, 'periodic task done'))
      .catch((error) => logger.error({ err: error }, 'periodic task failed; the next run retries'));
  }
}
