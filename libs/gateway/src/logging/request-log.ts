import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { pinoHttp, type Options } from 'pino-http';
import type { DestinationStream } from 'pino';
// nestjs-pino's request context (where its Logger finds the request's logger). Not in its
// index; pinned by the package version in package-lock.json and covered by error-logs.e2e-spec.
import { Store, storage } from 'nestjs-pino/storage';

/**
 * The request log line and the request's logger, as a Fastify onRequest hook rather than as a
 * Nest middleware: nestjs-pino's middleware ran through Nest's middleware layer and
 * @fastify/middie's Express emulation on every request (~8 % of a cache-warm overview,
 * docs/performance.md). The same pino-http options and the same request context
 * (nestjs-pino's storage), so every line logged during a request still carries its requestId;
 * LoggerModule is told to install no middleware of its own (`forRoutes: []`).
 */
export function registerRequestLog(app: FastifyInstance, options: Options, stream?: DestinationStream): void {
  const httpLogger = stream ? pinoHttp(options, stream) : pinoHttp(options);
  app.addHook('onRequest', (request, reply, done) => {
    const raw = request.raw as IncomingMessage & { id?: string; allLogs?: Logger[] };
    raw.id = request.id;
    httpLogger(raw, reply.raw);
    storage.run(new Store(raw.allLogs!.at(-1)!), done);
  });
}
