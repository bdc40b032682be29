/**
 * Watches a running system (SystemProcesses of one runId) from outside, as an operator would:
 * what each service still has to publish (outbox rows not yet on Kafka), what each consumer
 * group still has to read (committed offsets against the topics' end offsets), and the work
 * notification keeps in tables (webhooks to send, indicator days to publish). The pipeline has
 * drained when all of it is zero, twice in a row with no new event in between.
 */
import { performance } from 'node:perf_hooks';
import { Admin, AssignerProtocol, Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { deadLetterTopicOf, Topics } from '@passerelle/contracts';
import { sleep } from '@passerelle/messaging';
import { SERVICE_NAMES, ServiceName } from '@passerelle/system-driver';

export interface PipelineState {
  /** Seconds since the watch started. */
  at: number;
  /** The last outbox seq of each service: moves whenever it writes an event. */
  lastSeq: Record<ServiceName, number>;
  unpublished: Record<ServiceName, number>;
  /** Records each service's consumer group has not committed yet, all its topics together. */
  lag: Partial<Record<ServiceName, number>>;
  /** False until every consuming service's group has members: before that its lag is unknown. */
  groupsJoined: boolean;
  pendingWebhooks: number;
  pendingIndicatorDays: number;
}

const STATE_ATTEMPTS = 10;
const DRAIN_POLL_MS = 250;

export function schemaOf(runId: string, service: ServiceName): string {
  return `${runId}_${service.replace(/-/g, '_')}`.toLowerCase();
}

export class PipelineWatch {
  private readonly started = performance.now();
  /** The topics each consumer group subscribed to, read from the group's members. */
  private subscriptions?: Partial<Record<ServiceName, string[]>>;

  private constructor(private readonly runId: string, private readonly pool: Pool, private readonly admin: Admin) {}

  static async start(runId: string, kafka: Kafka, pool: Pool): Promise<PipelineWatch> {
    const admin = kafka.admin();
    await admin.connect();
    return new PipelineWatch(runId, pool, admin);
  }

  async stop(): Promise<void> {
    await this.admin.disconnect();
  }

  groupOf(service: ServiceName): string {
    return `${this.runId}.${service}`;
  }

  state(): Promise<PipelineState> {
    return retryingRetriable(() => this.readState());
  }

  private async readState(): Promise<PipelineState> {
    const lastSeq = {} as Record<ServiceName, number>;
    const unpublished = {} as Record<ServiceName, number>;
    const lag: Partial<Record<ServiceName, number>> = {};
    const subscriptions = await this.subscribedTopics();
    await Promise.all(SERVICE_NAMES.map(async (service) => {
      const { rows } = await this.pool.query(
        `SELECT coalesce(max(seq), 0)::bigint AS last_seq, (SELECT count(*)::int FROM ${schemaOf(this.runId, service)}.outbox WHERE published_at IS NULL) AS unpublished
           FROM ${schemaOf(this.runId, service)}.outbox`);
      lastSeq[service] = Number(rows[0].last_seq);
      unpublished[service] = rows[0].unpublished;
      const topics = subscriptions[service];
      if (topics) lag[service] = await this.lagOf(this.groupOf(service), topics);
    }));
    const notification = schemaOf(this.runId, 'notification');
    const { rows } = await this.pool.query(
      `SELECT (SELECT count(*)::int FROM ${notification}.webhook_deliveries WHERE status = 'pending') AS webhooks,
              (SELECT count(*)::int FROM ${notification}.indicator_changes) AS days`);
    return {
      at: (performance.now() - this.started) / 1000, lastSeq, unpublished, lag, groupsJoined: this.subscriptions !== undefined,
      pendingWebhooks: rows[0].webhooks, pendingIndicatorDays: rows[0].days,
    };
  }

  /**
   * Polls until the pipeline has drained; resolves with the first moment it was seen drained (the
   * second look only confirms that nothing was still on its way). Fails if nothing moves for `stallMs`.
   */
  async drained(stallMs = 180_000): Promise<{ at: number; state: PipelineState }> {
    let seen: { at: number; state: PipelineState } | undefined;
    let lastProgress = performance.now();
    let previous = '';
    for (;;) {
      const state = await this.state();
      const now = performance.now();
      if (isDrained(state) && seen && total(seen.state.lastSeq) === total(state.lastSeq)) return seen;
      seen = isDrained(state) ? { at: now, state } : undefined;
      const progress = JSON.stringify([state.lastSeq, state.unpublished, state.lag, state.pendingWebhooks]);
      if (progress !== previous) [previous, lastProgress] = [progress, now];
      else if (now - lastProgress > stallMs) throw new Error(`the pipeline stopped moving for ${stallMs / 1000} s: ${JSON.stringify(state)}`);
      await sleep(DRAIN_POLL_MS);
    }
  }

  /** Records on the dead-letter topics: on a fresh broker, every one of them is this run's. */
  deadLetters(): Promise<number> {
    return retryingRetriable(() => this.countDeadLetters());
  }

  private async countDeadLetters(): Promise<number> {
    const existing = new Set(await this.admin.listTopics());
    const topics = Object.values(Topics).map(deadLetterTopicOf).filter((topic) => existing.has(topic));
    const ends = await Promise.all(topics.map((topic) => this.admin.fetchTopicOffsets(topic)));
    return ends.flat().reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  }

  /**
   * The services' topics have fixed names, and each run's groups read them from the beginning:
   * records left by an earlier run would be consumed again as this run's work (events of people
   * unknown to its schemas), so a run leaves the broker as it found it.
   */
  async deleteGroupsAndTopics(): Promise<void> {
    await this.admin.deleteGroups(SERVICE_NAMES.map((service) => this.groupOf(service))).catch(() => undefined);
    const existing = new Set(await this.admin.listTopics());
    const topics = Object.values(Topics).flatMap((topic) => [topic, deadLetterTopicOf(topic)]).filter((topic) => existing.has(topic));
    await this.admin.deleteTopics({ topics }).catch(() => undefined);
  }

  /** Records already on the services' topics before this run: the run will read them again. */
  async recordsLeftBefore(): Promise<number> {
    const existing = new Set(await this.admin.listTopics());
    const topics = Object.values(Topics).filter((topic) => existing.has(topic));
    const ends = await Promise.all(topics.map((topic) => this.admin.fetchTopicOffsets(topic)));
    return ends.flat().reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  }

  private async subscribedTopics(): Promise<Partial<Record<ServiceName, string[]>>> {
    if (this.subscriptions) return this.subscriptions;
    const { groups } = await this.admin.describeGroups(SERVICE_NAMES.map((service) => this.groupOf(service)));
    const found: Partial<Record<ServiceName, string[]>> = {};
    for (const group of groups) {
      const service = SERVICE_NAMES.find((name) => this.groupOf(name) === group.groupId);
      const topics = group.members.flatMap((member) => subscribedTopicsOf(member.memberMetadata));
      if (service && topics.length > 0) found[service] = [...new Set(topics)];
    }
    // release-calendar consumes nothing; the others must have joined by now.
    if (Object.keys(found).length === SERVICE_NAMES.length - 1) this.subscriptions = found;
    return found;
  }

  private async lagOf(groupId: string, topics: string[]): Promise<number> {
    const [committed, ends] = await Promise.all([
      this.admin.fetchOffsets({ groupId, topics }),
      Promise.all(topics.map(async (topic) => ({ topic, partitions: await this.admin.fetchTopicOffsets(topic) }))),
    ]);
    let lag = 0;
    for (const { topic, partitions } of ends) {
      const offsets = committed.find((c) => c.topic === topic)?.partitions ?? [];
      for (const { partition, high, low } of partitions) {
        const at = Number(offsets.find((p) => p.partition === partition)?.offset ?? -1);
        // The end offsets and the commits are read one after the other: a commit may already be past the end read.
        lag += Math.max(0, Number(high) - (at >= 0 ? at : Number(low)));
      }
    }
    return lag;
  }
}

/** A member still joining (a fresh broker, a rebalance) has no metadata yet: it subscribes to nothing so far. */
function subscribedTopicsOf(metadata: Buffer): string[] {
  return metadata.length === 0 ? [] : AssignerProtocol.MemberMetadata.decode(metadata)?.topics ?? [];
}

function isDrained(state: PipelineState): boolean {
  return state.groupsJoined && total(state.unpublished) === 0 && total(state.lag) === 0 && state.pendingWebhooks === 0 && state.pendingIndicatorDays === 0;
}

export function total(values: Partial<Record<string, number>>): number {
  return Object.values(values).reduce<number>((sum, value) => sum + (value ?? 0), 0);
}

/** On a fresh broker a topic just created has no leader for a moment: kafkajs marks that retriable. */
async function retryingRetriable<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await read();
    } catch (error) {
      if (!(error as { retriable?: boolean }).retriable || attempt >= STATE_ATTEMPTS) throw error;
      await sleep(DRAIN_POLL_MS);
    }
  }
}
