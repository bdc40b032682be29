import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Kafka } from 'kafkajs';
import { KAFKA } from '@passerelle/messaging';

/** Kafka is up when the admin client can describe the cluster within a few seconds. */
@Injectable()
export class KafkaHealthIndicator {
  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check(key: string) {
    const indicator = this.indicators.check(key);
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    try {
      const cluster = await withTimeout(admin.connect().then(() => admin.describeCluster()), 3_000);
      return indicator.up({ brokers: cluster.brokers.length });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
