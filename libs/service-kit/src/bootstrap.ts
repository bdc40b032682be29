import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { createLogger } from '@passerelle/observability';
import { ServiceDefinition } from './service-definition';
import { requestValidationPipe } from './validation';

export const BODY_LIMIT = '256kb';
export const CSV_LIMIT = '32mb';

/** Builds a service's Nest application with the house settings, without listening yet. */
export async function createServiceApp(module: Type<unknown>, definition: ServiceDefinition): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: BODY_LIMIT });
  // Registry exports: a national file of 80,000 detentions is about 15 MB.
  app.useBodyParser('text', { limit: CSV_LIMIT, type: 'text/csv' });
  app.useGlobalPipes(requestValidationPipe());
  app.enableShutdownHooks();
  const openApi = new DocumentBuilder()
    .setTitle(`Passerelle ${definition.name}`)
    .setDescription(definition.description)
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi));
  return app;
}

/**
 * Starts a service on PORT (or its default port) and HOST (127.0.0.1 unless told otherwise).
 * A failed start (database down, a migration error, no key in production) is logged and exits 1.
 */
export async function runService(module: Type<unknown>, definition: ServiceDefinition): Promise<void> {
  try {
    const app = await createServiceApp(module, definition);
    const port = Number(process.env.PORT ?? definition.defaultPort);
    await app.listen(port, process.env.HOST ?? '127.0.0.1');
    app.get(Logger).log(`${definition.name} listening on http://${process.env.HOST ?? '127.0.0.1'}:${port}`);
  } catch (error) {
    createLogger(definition.name).fatal({ err: error }, 'could not start');
    process.exit(1);
  }
}
