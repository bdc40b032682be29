import { Admin, Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { Topics } from '@passerelle/contracts';

/** The topics each consuming service of a run reads, by its consumer group's suffix. */
const CONSUMED: Record<string, string[]> = {
  referral: [Topics.releaseCalendar, Topics.housingPlacement],
  'housing-placement': [Topics.referral],
  notification: [Topics.releaseCalendar, Topics.referral, Topics.housingPlacement],
};
const PUBLISHERS = ['release_calendar', 'referral', 'housing_placement'];

/**
 * Waits until a run's system has nothing left in flight: every outbox published, and every
 * consumer group past the records on its topics at that moment, twice over (handling a record
 * may publish another). The test waits for this between its phases, as days pass in the field.
 */
export class Quiescence {
  private admin?: Admin;

  constructor(
    private readonly runId: string,
    private readonly kafka: Kafka,
    private readonly pool: Pool,
  ) {}

  async settle(timeoutMs = 180_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    while (Date.now() < deadline) {
      try {
        if (await withinSeconds(30, this.isStill())) return;
      } catch (error) {
        // The broker or the database may be down for a fault: keep asking until they are back.
        lastError = error;
        await this.admin?.disconnect().catch(() => undefined);
        this.admin = undefined;
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    throw new Error(`the system did not settle within ${timeoutMs / 1000} s${lastError ? `: ${(lastError as Error).message}` : ''}`);
  }

  /** What is in flight now, to say in what state a fault found the system (best effort). */
  async inFlight(): Promise<string> {
    try {
      const admin = await this.connected();
      const lags: string[] = [];
      for (const [service, topics] of Object.entries(CONSUMED)) {
        let lag = 0;
        for (const { topic, partitions } of await admin.fetchOffsets({ groupId: `${this.runId}.${service}`, topics })) {
          const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p]));
          for (const { partition, offset } of partitions) {
            const end = ends.get(partition);
            if (end) lag += Number(end.high) - (Number(offset) < 0 ? Number(end.low) : Number(offset));
          }
        }
        lags.push(`${service} ${lag} to read`);
      }
      return `${await this.unpublished()} events waiting in outboxes, ${lags.join(', ')}`;
    } catch (error) {
      return `unknown (${(error as Error).message})`;
    }
  }

  async stop(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
  }

  private async isStill(): Promise<boolean> {
    if (await this.unpublished() > 0) return false;
    const admin = await this.connected();
    const ends = new Map<string, Map<number, { low: number; high: number }>>();
    for (const topic of Object.values(Topics)) {
      ends.set(topic, new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, { low: Number(p.low), high: Number(p.high) }])));
    }
    for (const [service, topics] of Object.entries(CONSUMED)) {
      const committed = await admin.fetchOffsets({ groupId: `${this.runId}.${service}`, topics });
      for (const { topic, partitions } of committed) {
        for (const { partition, offset } of partitions) {
          const end = ends.get(topic)?.get(partition) ?? { low: 0, high: 0 };
          // -1: the group never committed on this partition, so it is at the partition's start.
          if ((Number(offset) < 0 ? end.low : Number(offset)) < end.high) return false;
        }
      }
    }
    return (await this.unpublished()) === 0;
  }

  private async unpublished(): Promise<number> {
    const counts = await Promise.all(PUBLISHERS.map(async (service) => {
      const { rows } = await this.pool.query(`SELECT count(*)::int AS n FROM "${this.runId}_${service}".outbox WHERE published_at IS NULL`);
      return rows[0].n as number;
    }));
    return counts.reduce((sum, n) => sum + n, 0);
  }

  private async connected(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }
}

/** A call the broker or the database left hanging (a fault) counts as a failed look, tried again. */
function withinSeconds<T>(seconds: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
