import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Histogram } from 'prom-client';
import { singletonMetric } from '@passerelle/observability';

const histogram = singletonMetric('passerelle_http_request_duration_seconds', () =>
  new Histogram({
    name: 'passerelle_http_request_duration_seconds',
    help: 'HTTP request latency by route template',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  }));

/** Times every request; the route label is the template (/v1/detentions/:id), never the raw path. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    const stop = histogram.startTimer({ method: request.method });
    response.on('finish', () => {
      const route = (request.route?.path as string | undefined) ?? 'unmatched';
      stop({ route: `${request.baseUrl}${route}`, status: String(response.statusCode) });
    });
    next();
  }
}
