import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
// nestjs-pino's request context (where its Logger finds the request's logger). Not in its
// index; pinned by the package version in package-lock.json and covered by error-logs.e2e-spec.
import { storage, type Store } from 'nestjs-pino/storage';
import { loggableErrors } from '@frontdoor/hub';
import { stdoutLogDestination } from './log-destination';
import { clientRequestId } from './request-id';
import { pathOf } from './pino-options';

/** Requests too frequent and too dull for a line each (probes and scrapes). */
const QUIET_PATHS = new Set(['/health/live', '/metrics']);

/**
 * One line per request (method, path without query string, status, time, requestId, and the
 * caller's own id as clientRequestId when it sent one) and the
 * request's log context, as two Fastify hooks. Every other line logged during a request carries
 * its requestId through nestjs-pino's request context.
 *
 * Written here rather than with pino-http, which on every request made two child loggers
 * (serialising the request into one of them) and attached listeners to the response: ~9 % of a
 * trivial query's CPU (docs/performance.md). The request's child logger is now made only when
 * something logs during the request, which most requests never do.
 */
export function registerRequestLog(
  app: FastifyInstance,
  options: LoggerOptions,
  stream?: DestinationStream,
): void {
  // The request line is built here from plain fields, so its logger needs no redaction (cloning
  // each line to look for headers it never holds was ~7 µs a request). Lines logged during the
  // request go through this logger's children too: errors in them lose a statement's values.
  const root = pino({ level: options.level, ...loggableErrors }, stream ?? stdoutLogDestination());
  app.addHook('onRequest', (request, _reply, done) => {
    storage.run(new RequestLogContext(root, request.id) as Store, done);
  });
  app.addHook('onResponse', (request, reply, done) => {
    logRequest(root, request, reply, reply.statusCode >= 500 ? 'request errored' : 'request completed');
    done();
  });
  app.addHook('onRequestAbort', (request, done) => {
    logRequest(root, request, undefined, 'request aborted');
    done();
  });
}

function logRequest(
  root: Logger,
  request: FastifyRequest,
  reply: FastifyReply | undefined,
  msg: string,
): void {
  const url = pathOf(request.url);
  if (url !== undefined && QUIET_PATHS.has(url)) return;
  const clientId = clientRequestId(request.headers);
  root.info(
    {
      requestId: request.id,
      ...(clientId ? { clientRequestId: clientId } : {}),
      req: { method: request.method, url },
      res: reply && { statusCode: reply.statusCode },
      responseTime: reply && Math.round(reply.elapsedTime),
    },
    msg,
  );
}

/**
 * nestjs-pino's Store with the request's child logger made on first use. nestjs-pino reads
 * `logger` for every line and its `assign()` replaces it, hence the setter.
 */
class RequestLogContext {
  #logger: Logger | undefined;
  readonly responseLogger = undefined;

  constructor(
    private readonly root: Logger,
    private readonly requestId: string,
  ) {}

  get logger(): Logger {
    return (this.#logger ??= this.root.child({ requestId: this.requestId }));
  }

  set logger(value: Logger) {
    this.#logger = value;
  }
}
