import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { collectDefaultMetrics, register } from 'prom-client';
import { Public } from '@passerelle/auth';

let defaultsCollected = false;

@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor() {
    if (!defaultsCollected) {
      collectDefaultMetrics();
      defaultsCollected = true;
    }
  }

  /** Prometheus text format: process, HTTP, outbox, consumer and DLQ series. */
  @Public()
  @Get()
  @Header('Content-Type', register.contentType)
  metrics(): Promise<string> {
    return register.metrics();
  }
}
