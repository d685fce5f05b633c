import type { IncomingMessage } from 'node:http';
import type { Options } from 'pino-http';

/**
 * Structured JSON logs, one line per request with its request id. Headers that carry
 * credentials are redacted; bodies are never logged (they hold personal numbers).
 */
export function pinoOptions(level: string): Options {
  return {
    level,
    genReqId: (req: IncomingMessage) =>
      (req as IncomingMessage & { id?: string }).id ?? String(req.headers['x-request-id'] ?? ''),
    customProps: (req: IncomingMessage) => ({ requestId: (req as IncomingMessage & { id?: string }).id }),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-api-key"]',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
    autoLogging: { ignore: (req) => req.url === '/health/live' || req.url === '/metrics' },
    quietReqLogger: true,
  };
}
