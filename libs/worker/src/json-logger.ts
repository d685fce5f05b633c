import type { LoggerService } from '@nestjs/common';
import pino, { type Logger as Pino } from 'pino';

type Level = 'info' | 'warn' | 'error' | 'debug' | 'trace' | 'fatal';

/**
 * The worker's logs in the gateway's format: one JSON line per event (pino), with the level as
 * a number, so operations alert on `level >= 50` from every Frontdoor process alike. Nest's
 * `Logger` calls arrive as (fields, message, context) or (message, context).
 */
export class JsonLogger implements LoggerService {
  constructor(private readonly pino: Pino) {}

  static create(level: string): JsonLogger {
    return new JsonLogger(pino({ level, base: { process: 'worker', pid: process.pid } }));
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    // Nest appends the logger's context (its name) as the last argument.
    const context = rest.length && typeof rest[rest.length - 1] === 'string' ? rest.pop() : undefined;
    if (message instanceof Error) {
      this.pino[level]({ context, err: message }, message.message);
    } else if (message && typeof message === 'object') {
      const text = typeof rest[0] === 'string' ? rest[0] : undefined;
      this.pino[level]({ context, ...(message as Record<string, unknown>) }, text);
    } else {
      this.pino[level]({ context }, String(message));
    }
  }
}
