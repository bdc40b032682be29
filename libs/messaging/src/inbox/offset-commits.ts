import { TopicPartitionOffsetAndMetadata } from 'kafkajs';

/**
 * The offsets a consumer has handled, committed to Kafka together every `everyMs` rather than
 * after every batch (kafkajs's `eachBatch` commits after each one). Why: under a steady trickle
 * each record is its own batch, so every consumer sent an offset commit per record. The inbox
 * makes the delay safe: a record handled but not yet committed when a consumer stops or loses its
 * partition is delivered again and found in the inbox, so it has no second effect.
 */
export class OffsetCommits {
  private readonly pending = new Map<string, TopicPartitionOffsetAndMetadata>();
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly commit: (offsets: TopicPartitionOffsetAndMetadata[]) => Promise<void>,
    private readonly onFailure: (error: unknown) => void,
    private readonly everyMs = 1_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.everyMs);
    this.timer.unref();
  }

  /** `offset` was handled: the partition's committed position becomes the one after it. */
  handled(topic: string, partition: number, offset: string): void {
    this.pending.set(`${topic}/${partition}`, { topic, partition, offset: (BigInt(offset) + 1n).toString() });
  }

  /** Commits what is pending; a failure (a rebalance under way) is reported, and its records come again. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const offsets = [...this.pending.values()];
      this.pending.clear();
      if (offsets.length > 0) await this.commit(offsets).catch(this.onFailure);
    });
    return this.flushing;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
