import { randomUUID } from 'node:crypto';
import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CORRELATION_HEADER, CorrelationContext } from '@passerelle/observability';

const ACCEPTABLE_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Takes the caller's x-correlation-id (or makes one) and runs the request inside it. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    const offered = request.header(CORRELATION_HEADER);
    const correlationId = offered && ACCEPTABLE_ID.test(offered) ? offered : randomUUID();
    (request as Request & { correlationId?: string }).correlationId = correlationId;
    response.setHeader(CORRELATION_HEADER, correlationId);
    CorrelationContext.run({ correlationId }, () => next());
  }
}
