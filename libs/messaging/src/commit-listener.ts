import { Client, ClientConfig } from 'pg';
import { Backoff, sleep } from './backoff';

export interface CommitListenerOptions {
  connection: ClientConfig;
  channel: string;
  /** Runs for each NOTIFY on the channel: PostgreSQL delivers it when the writing transaction commits. */
  onNotify: () => void;
}

/**
 * A LISTEN connection kept open on one channel, reconnecting (with backoff) after PostgreSQL
 * restarts. A wake-up, never a source of truth: what it misses while reconnecting, the listener's
 * owner finds by polling.
 */
export class CommitListener {
  private client?: Client;
  private running = false;
  private listening?: Promise<void>;

  constructor(private readonly options: CommitListenerOptions) {}

  start(): void {
    this.running = true;
    this.listening = this.listen();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.client?.end().catch(() => undefined);
    await this.listening;
  }

  private async listen(): Promise<void> {
    const backoff = new Backoff(500, 10_000);
    while (this.running) {
      const client = new Client(this.options.connection);
      // Known to stop() before it connects, so a stop during connect still ends it.
      this.client = client;
      const closed = new Promise<void>((resolve) => {
        client.on('error', () => resolve());
        client.once('end', () => resolve());
      });
      try {
        await client.connect();
        client.on('notification', () => this.options.onNotify());
        await client.query(`LISTEN "${this.options.channel}"`);
        backoff.reset();
        await closed;
      } catch {
        // Reconnected below after a pause; the owner's polling covers the gap.
      }
      await client.end().catch(() => undefined);
      if (this.running) await sleep(backoff.next());
    }
  }
}
