import pino, { Logger, LoggerOptions } from 'pino';
import { CorrelationContext } from './correlation-context';

/** Base pino options shared by services, scripts and tests: JSON lines with the correlation id. */
export function loggerOptions(service: string): LoggerOptions {
  return {
    name: service,
    level: process.env.LOG_LEVEL ?? 'info',
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const ids = CorrelationContext.current();
      return ids ? { correlationId: ids.correlationId, causationId: ids.causationId } : {};
    },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], remove: true },
  };
}

export function createLogger(service: string): Logger {
  return pino(loggerOptions(service));
}

export type { Logger };
