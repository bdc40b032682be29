import { Counter, Gauge, Histogram } from 'prom-client';
import { singletonMetric as singleton } from '@passerelle/observability';

/** Prometheus series of the event backbone, registered once per process. */
export const messagingMetrics = {
  published: singleton('passerelle_events_published_total', () =>
    new Counter({ name: 'passerelle_events_published_total', help: 'Events published by the outbox relay', labelNames: ['type'] })),
  consumed: singleton('passerelle_events_consumed_total', () =>
    new Counter({ name: 'passerelle_events_consumed_total', help: 'Events consumed, by outcome (handled, duplicate, ignored, dead_lettered)', labelNames: ['type', 'outcome'] })),
  deadLettered: singleton('passerelle_dlq_records_total', () =>
    new Counter({ name: 'passerelle_dlq_records_total', help: 'Records sent to a dead-letter topic', labelNames: ['topic'] })),
  outboxBacklog: singleton('passerelle_outbox_backlog', () =>
    new Gauge({ name: 'passerelle_outbox_backlog', help: 'Outbox rows not yet published', labelNames: ['schema'] })),
  outboxOldestAge: singleton('passerelle_outbox_oldest_age_seconds', () =>
    new Gauge({ name: 'passerelle_outbox_oldest_age_seconds', help: 'Age of the oldest unpublished outbox row', labelNames: ['schema'] })),
  consumerLag: singleton('passerelle_consumer_lag', () =>
    new Gauge({ name: 'passerelle_consumer_lag', help: 'Records behind the end of each partition, per consumer group', labelNames: ['group', 'topic', 'partition'] })),
  handlerSeconds: singleton('passerelle_event_handler_seconds', () =>
    new Histogram({ name: 'passerelle_event_handler_seconds', help: 'Time to handle one event, inbox included; events handled in one transaction share its time', labelNames: ['type'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] })),
};
