import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Options } from 'pino-http';

/**
 * Structured JSON logs, one line per request with its request id. The request line holds
 * method, path (no query string: a GET could carry a personal number there), status and time;
 * no headers (they carry credentials) and never bodies (they hold personal numbers). Leaving
 * the headers out also spares each request serialising them and cloning them for redaction
 * (7–11 % of a trivial query, docs/performance.md). The redaction stays for any other line
 * that logs a request or response object.
 */
export function pinoOptions(level: string): Options {
  return {
    level,
    genReqId: (req: IncomingMessage) =>
      (req as IncomingMessage & { id?: string }).id ?? String(req.headers['x-request-id'] ?? ''),
    // Every line of a request carries `requestId` through the quiet request logger's binding;
    // a customProps function for it made two more child loggers per request.
    customAttributeKeys: { reqId: 'requestId' },
    serializers: {
      req: (req: IncomingMessage & { id?: string; raw?: IncomingMessage }) => ({
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
    autoLogging: { ignore: (req) => req.url === '/health/live' || req.url === '/metrics' },
    quietReqLogger: true,
  };
}

function pathOf(url: string | undefined): string | undefined {
  const query = url?.indexOf('?') ?? -1;
  return query >= 0 ? url!.slice(0, query) : url;
}
