import { Admin, Kafka } from 'kafkajs';
import { messagingMetrics } from '../messaging-metrics';

/** Samples the group's lag per partition into a gauge; a failed sample is simply skipped. */
export class ConsumerLagProbe {
  private timer?: NodeJS.Timeout;
  private admin?: Admin;
  private sampling: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly groupId: string,
    private readonly topics: string[],
    private readonly everyMs = 15_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.sampling = this.sample().catch(() => undefined);
    }, this.everyMs);
    this.timer.unref();
  }

  /** Waits for a sample in flight, so that no admin client is connected after stop. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.sampling;
    await this.admin?.disconnect().catch(() => undefined);
  }

  private async sample(): Promise<void> {
    if (this.stopped) return;
    if (!this.admin) {
      this.admin = this.kafka.admin();
      await this.admin.connect();
    }
    const committed = await this.admin.fetchOffsets({ groupId: this.groupId, topics: this.topics });
    for (const { topic, partitions } of committed) {
      const ends = await this.admin.fetchTopicOffsets(topic);
      for (const end of ends) {
        const done = partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
        const lag = Number(end.high) - Math.max(Number(done), Number(end.low));
        messagingMetrics.consumerLag.set({ group: this.groupId, topic, partition: String(end.partition) }, Math.max(lag, 0));
      }
    }
  }
}
