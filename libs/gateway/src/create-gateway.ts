import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { categoryCoverageProblems, loadPlugins, type ModuleLoader } from '@frontdoor/core';
import { accessConfigProblems, departmentSecrecy } from './platform/access/access-policy';
import { ConfigError, type GatewayConfig } from './platform/config/gateway-config';
import { registerConsole } from './console/console-routes';
import { registerCitizenWeb } from './citizen-web/citizen-web-routes';
import { GatewayModule } from './gateway.module';
import { registerRateLimit } from './platform/graphql/rate-limit';
import { ShutdownState } from './platform/shutdown/shutdown-state';
import { registerGraphQLAuth } from './platform/auth/graphql-auth-hook';
import { pinoOptions } from './platform/logging/pino-options';
import { registerRequestLog } from './platform/logging/request-log';
import { hubRequestId } from './platform/logging/request-id';
import { TokenVerifier } from './platform/auth/token-verifier';
import { SHARED_REDIS } from './platform/shared-state/shared-state.providers';
import type { Redis } from 'ioredis';

export interface CreateGatewayOptions {
  config: GatewayConfig;
  /** For tests: how plugin modules are imported (default: require). */
  loadModule?: ModuleLoader;
  today?: () => string;
  now?: () => number;
  /** For tests: where the JSON log lines go (default: stdout). */
  logStream?: DestinationStream;
  /**
   * Nest's own signal handling (default on). The gateway process turns it off and drains on
   * SIGTERM instead (installGracefulShutdown): Nest's re-raises the signal, so the exit is not 0.
   */
  shutdownHooks?: boolean;
}

/** Builds the gateway application (not yet listening). Throws PluginLoadError / ConfigError on bad configuration. */
export async function createGateway({
  config,
  loadModule,
  today,
  now,
  logStream,
  shutdownHooks = true,
}: CreateGatewayOptions): Promise<NestFastifyApplication> {
  const plugins = loadPlugins(config.plugins, loadModule);
  const accessProblems = accessConfigProblems(
    config.access,
    config.cases,
    plugins.map((p) => p.department),
    departmentSecrecy(plugins),
  );
  const configProblems = [
    ...accessProblems,
    ...categoryCoverageProblems(
      config.cases,
      plugins.map((p) => p.id),
    ),
  ];
  if (configProblems.length) throw new ConfigError(configProblems);
  const adapter = new FastifyAdapter({
    // The hub's own id, never the caller's: audit rows carry it (a caller's is logged beside it).
    genReqId: hubRequestId,
    bodyLimit: 1024 * 1024,
  });
  // First, so every later hook and the handler run in the request's log context.
  registerRequestLog(adapter.getInstance(), pinoOptions(config.env.LOG_LEVEL), logStream);
  adapter.getInstance().addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    GatewayModule.forRoot({ config, plugins, today, now, logStream }),
    adapter,
    {
      bufferLogs: true,
    },
  );
  app.useLogger(app.get(Logger));
  const shutdown = app.get(ShutdownState);
  const sharedRedis = app.get<Redis | undefined>(SHARED_REDIS);
  await registerRateLimit(
    app.getHttpAdapter().getInstance(),
    app.get(TokenVerifier),
    config.env.RATE_LIMIT_PER_MINUTE,
    sharedRedis ? { redis: sharedRedis, installation: config.env.REDIS_QUEUE } : undefined,
    config.env.TELEPHONY_EVENTS_PER_MINUTE,
  );
  registerGraphQLAuth(app.getHttpAdapter().getInstance(), app.get(TokenVerifier));
  await registerConsole(app, config);
  registerCitizenWeb(app, config);
  if (shutdownHooks) app.enableShutdownHooks();
  // While draining, every answer closes its connection, so no client reuses one that is closing.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (_request, reply) => {
      if (shutdown.draining) reply.header('connection', 'close');
    });
  return app;
}
