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
  private inRound = false;
  /** A wake-up that came during a round: the next round starts right after it. */
  private woken = false;

  constructor(private readonly options: PollingLoopOptions) {
    if (!Number.isFinite(options.everyMs)) throw new Error(`a polling loop needs a number of milliseconds, got ${options.everyMs}`);
  }

  start(): void {
    if (this.options.everyMs > 0) this.schedule(0);
  }

  /** Work was announced (a commit's NOTIFY): the next round starts now rather than after the pause. */
  wake(): void {
    if (this.stopped || this.options.everyMs === 0) return;
    if (this.inRound) {
      this.woken = true;
      return;
    }
    clearTimeout(this.timer);
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.current;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.inRound = true;
      this.current = this.options.round()
        .then((worked) => this.next(worked && !this.options.steady))
        .catch((error) => {
          this.options.logger.error({ err: error }, 'polling round failed; the next one retries');
          this.next(false);
        });
    }, delayMs);
  }

  private next(atOnce: boolean): void {
    this.inRound = false;
    const woken = this.woken;
    this.woken = false;
    this.schedule(atOnce || woken ? 0 : this.options.everyMs);
  }
}
