import { Logger } from 'pino';

export interface PollingLoopOptions {
  /** Pause between rounds that found nothing; 0 turns the loop off. */
  everyMs: number;
  logger: Logger;
  /** One round; returns whether it did something (then the next round starts at once). */
  round: () => Promise<boolean>;
  /**
   * Pause after every round, work or not: for a round that publishes what was noted since the last
   * one, so that a burst of notes costs one round per pause instead of one per note.
   */
  steady?: boolean;
}

/**
 * Polls for work in rounds: at once again while there is work, after a pause when there is none.
 * A failed round is logged and the next one retries; stopping waits for the round in flight.
 */
export class PollingLoop {
  private timer?: NodeJS.Timeout;
  private current: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: PollingLoopOptions) {
    if (!Number.isFinite(options.everyMs)) throw new Error(`a polling loop needs a number of milliseconds, got ${options.everyMs}`);
  }

  start(): void {
    if (this.options.everyMs > 0) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.current;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.current = this.options.round()
        .then((worked) => this.schedule(worked && !this.options.steady ? 0 : this.options.everyMs))
        .catch((error) => {
          this.options.logger.error({ err: error }, 'polling round failed; the next one retries');
          this.schedule(this.options.everyMs);
        });
    }, delayMs);
  }
}
