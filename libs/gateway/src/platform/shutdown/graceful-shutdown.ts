import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ShutdownState } from './shutdown-state';

export interface GracefulShutdownOptions {
  /** How long requests in flight may take to finish before their connections are closed. */
  drainTimeoutMs: number;
}

/**
 * SIGTERM (a rolling upgrade, a scale-down) and SIGINT stop the gateway without failing a
 * request: readiness answers 503 at once, the listener closes (a load balancer's new
 * connections go to another replica), idle keep-alive connections close and the requests in
 * flight are answered (bounded); then jobs stop taking work and the running ones finish, and
 * the database and Redis close. The process exits 0; only a failure while closing exits 1.
 */
export function installGracefulShutdown(
  app: NestFastifyApplication,
  { drainTimeoutMs }: GracefulShutdownOptions,
): { shutdown(signal: string): Promise<void> } {
  const logger = new Logger('Shutdown');
  let closing: Promise<void> | undefined;
  const shutdown = (signal: string): Promise<void> =>
    (closing ??= (async () => {
      const startedAt = Date.now();
      app.get(ShutdownState).draining = true;
      logger.log({ signal }, 'shutting down: readiness off, finishing requests in flight');
      const server = app.getHttpAdapter().getInstance().server;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const drained = await Promise.race([
        closed.then(() => true),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), drainTimeoutMs))),
      ]);
      clearTimeout(timer);
      if (!drained) {
        logger.warn({ drainTimeoutMs }, 'requests still in flight after the drain timeout; closing them');
        server.closeAllConnections();
      }
      await app.close();
      logger.log({ ms: Date.now() - startedAt }, 'stopped');
    })());
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      shutdown(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
  return { shutdown };
}
