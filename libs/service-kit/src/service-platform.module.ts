import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuditTrail, AuthModule } from '@passerelle/auth';
import { MessagingModule, OUTBOX_CLOCK, typeOrmTransactionRunner } from '@passerelle/messaging';
import { DataSource } from 'typeorm';
import { CLOCK, clockFromEnv } from './clock';
import { ClockController } from './clock.controller';
import { UNIT_OF_WORK } from './unit-of-work';
import { loggerOptions } from '@passerelle/observability';
import { CorrelationMiddleware } from './correlation.middleware';
import { HealthController } from './health.controller';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { KafkaHealthIndicator } from './kafka.health';
import { MetricsController } from './metrics.controller';
import { SchemaMigrator } from './schema-migrator';
import { schemaOf, ServiceDefinition } from './service-definition';
import { SERVICE_SCHEMA } from './tokens';

/**
 * Everything a Passerelle service has in common: JSON logs with correlation ids, its schema
 * migrated at start, the event backbone, JWT auth, /health, /metrics.
 */
@Module({})
export class ServicePlatformModule implements NestModule {
  static forService(definition: ServiceDefinition): DynamicModule {
    // Read at start rather than at import, so a test can set DATABASE_SCHEMA before booting.
    const schema = () => schemaOf(definition);
    return {
      module: ServicePlatformModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            ...loggerOptions(definition.name),
            genReqId: (request) => (request as { correlationId?: string }).correlationId ?? 'none',
            customProps: (request) => ({ correlationId: (request as { correlationId?: string }).correlationId }),
            autoLogging: { ignore: (request) => ['/health', '/metrics'].includes(request.url ?? '') },
          },
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
          type: 'postgres',
          url: process.env.DATABASE_URL,
          schema: schema(),
          entities: definition.entities,
          migrations: definition.migrations,
          migrationsTableName: 'migrations',
          migrationsRun: false,
          synchronize: false,
          extra: { max: Number(process.env.DATABASE_POOL_SIZE ?? 10) },
          }),
        }),
        TerminusModule,
        AuthModule,
        MessagingModule.forService(() => ({ service: definition.name, schema: schema(), produces: definition.produces })),
      ],
      controllers: [HealthController, MetricsController, ClockController],
      providers: [
        { provide: SERVICE_SCHEMA, useFactory: schema },
        { provide: CLOCK, useFactory: () => clockFromEnv() },
        { provide: OUTBOX_CLOCK, useExisting: CLOCK },
        { provide: AuditTrail, inject: [SERVICE_SCHEMA], useFactory: (name: string) => new AuditTrail(name) },
        { provide: UNIT_OF_WORK, inject: [DataSource], useFactory: (dataSource: DataSource) => typeOrmTransactionRunner(dataSource) },
        SchemaMigrator,
        KafkaHealthIndicator,
      ],
      exports: [SERVICE_SCHEMA, CLOCK, OUTBOX_CLOCK, UNIT_OF_WORK, AuditTrail],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware, HttpMetricsMiddleware).forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}
