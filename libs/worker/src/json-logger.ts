import type { LoggerService } from '@nestjs/common';
import { Logger, PinoLogger } from 'nestjs-pino';
import pino, { type Logger as Pino } from 'pino';
import { loggableErrors } from '@frontdoor/hub';

/**
 * The worker's logs in the gateway's format: nestjs-pino's Logger, the adapter the gateway
 * uses for Nest's `Logger` calls, over a pino of the worker's own (one JSON line per event,
 * level as a number), so operations alert on `level >= 50` from every Frontdoor process alike.
 */
export function jsonLogger(logger: Pino): LoggerService {
  return new Logger(new PinoLogger({ pinoHttp: { logger } }), {});
}

/** The worker process's logger on stdout; errors without a failed statement's values, as the gateway's. */
export function workerJsonLogger(level: string): LoggerService {
  return jsonLogger(pino({ level, base: { process: 'worker', pid: process.pid }, ...loggableErrors }));
}
