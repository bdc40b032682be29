import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Pool } from 'pg';
import { Logger } from 'pino';
import { createLogger } from '@passerelle/observability';
import { createKafka, kafkaSettingsFromEnv } from '../kafka-client';
import { OutboxWriter } from '../outbox/outbox-writer';
import { HandlerDiscovery } from './handler-discovery';
import { MessagingLifecycle } from './messaging-lifecycle';
import { KAFKA, MESSAGING_OPTIONS, MessagingOptions, OUTBOX_CLOCK, RELAY_POOL } from './messaging.options';

/** Gives a service its OutboxWriter, and runs its outbox relay and its `@HandlesEvent` consumer. */
@Global()
@Module({})
export class MessagingModule {
  /** Options as a function are read at start, so that the environment (a test's schema) is taken then. */
  static forService(options: MessagingOptions | (() => MessagingOptions)): DynamicModule {
    const resolve = typeof options === 'function' ? options : () => options;
    return {
      module: MessagingModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useFactory: resolve },
        {
          provide: KAFKA,
          inject: [MESSAGING_OPTIONS],
          useFactory: ({ service }: MessagingOptions) => createKafka(kafkaSettingsFromEnv(service), createLogger(service)),
        },
        { provide: RELAY_POOL, inject: [MESSAGING_OPTIONS], useFactory: ({ service }: MessagingOptions) => relayPool(createLogger(service)) },
        {
          provide: OutboxWriter,
          inject: [MESSAGING_OPTIONS, { token: OUTBOX_CLOCK, optional: true }],
          useFactory: ({ service, schema }: MessagingOptions, clock?: { now(): Date }) =>
            new OutboxWriter({ schema, source: `/passerelle/${service}`, now: clock && (() => clock.now()) }),
        },
        HandlerDiscovery,
        MessagingLifecycle,
      ],
      exports: [OutboxWriter, KAFKA, MessagingLifecycle],
    };
  }
}

/**
 * The relay's own connections. PostgreSQL closes idle ones when it restarts: pg reports that as an
 * 'error' event on the pool, which would end the process unless someone listens. The pool opens
 * new connections when next asked, so the error is only logged.
 */
function relayPool(logger: Logger): Pool {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
  pool.on('error', (error) => logger.warn({ err: error }, 'an idle connection of the outbox relay was closed by the database; a new one is opened when needed'));
  return pool;
}
