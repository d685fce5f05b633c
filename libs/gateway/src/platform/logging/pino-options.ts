import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerOptions } from 'pino';
import { loggableErrors } from '@frontdoor/hub';

/**
 * Structured JSON logs. No headers (they carry credentials) and never bodies (they hold
 * personal numbers); the redaction stays for any line that logs a request or response object.
 * The request line itself is written by request-log.ts. Errors never carry a failed
 * statement's values (loggableErrors, @frontdoor/hub).
 */
export function pinoOptions(level: string): LoggerOptions {
  return {
    level,
    formatters: loggableErrors.formatters,
    serializers: {
      ...loggableErrors.serializers,
      req: (req: IncomingMessage & { id?: string }) => ({
        id: req.id,
        method: req.method,
        url: pathOf(req.url),
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-api-key"]',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
  };
}

/** The path without its query string: a GET could carry a personal number there. */
export function pathOf(url: string | undefined): string | undefined {
  const query = url?.indexOf('?') ?? -1;
  return query >= 0 ? url!.slice(0, query) : url;
}
