import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AuditService, CORE_ENTITIES, HubMetrics, PartyService, PersonSources, type LoadedPlugin } from '@frontdoor/core';
import { buildDataSourceOptions } from '@frontdoor/persistence';
import { AccessGuard } from './auth/access.guard';
import { DevIssuerController } from './auth/dev-issuer.controller';
import { TokenVerifier } from './auth/token-verifier';
import type { GatewayConfig } from './config/gateway-config';
import { createErrorFormatter } from './graphql/format-error';
import { createPluginDetailResolver } from './graphql/plugin-detail.resolver';
import { PersonResolver } from './graphql/person.resolver';
import { PluginsResolver } from './graphql/plugins.resolver';
import type { RequestContext } from './graphql/request-context';
import { ResponsePlugin } from './graphql/response.plugin';
import { HealthController } from './health/health.controller';
import { pinoOptions } from './logging/pino-options';
import { MetricsController } from './metrics/metrics.controller';

export interface GatewayModuleOptions {
  config: GatewayConfig;
  plugins: LoadedPlugin[];
  /** For tests: fixes "today" as plugins see it (Europe/Stockholm, YYYY-MM-DD). */
  today?: () => string;
}

/** The gateway: one GraphQL way in, the hub's services, and the plugins chosen by configuration. */
@Module({})
export class GatewayModule {
  static forRoot({ config, plugins, today }: GatewayModuleOptions): DynamicModule {
    const production = config.env.NODE_ENV === 'production';
    const detailResolvers = plugins.filter((p) => p.definition.person.detail).map(createPluginDetailResolver);

    const hubServices: Provider[] = [
      { provide: HubMetrics, useFactory: () => new HubMetrics() },
      { provide: PersonSources, useFactory: (metrics: HubMetrics) => new PersonSources(plugins, metrics, { today }), inject: [HubMetrics] },
      { provide: PartyService, useFactory: (ds: DataSource) => new PartyService(ds), inject: [DataSource] },
      { provide: AuditService, useFactory: (ds: DataSource) => new AuditService(ds), inject: [DataSource] },
      { provide: TokenVerifier, useFactory: () => TokenVerifier.create(config.auth) },
    ];

    const services: DynamicModule = { module: GatewayServicesModule, global: true, providers: hubServices, exports: hubServices };

    return {
      module: GatewayModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: pinoOptions(config.env.LOG_LEVEL) }),
        TypeOrmModule.forRoot(
          buildDataSourceOptions({
            databaseUrl: config.env.DATABASE_URL,
            dataDir: config.env.DATA_DIR,
            migrate: config.env.DATABASE_MIGRATE,
            entities: CORE_ENTITIES,
          }),
        ),
        TerminusModule.forRoot({ logger: false }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [services],
          inject: [PersonSources],
          useFactory: (sources: PersonSources) => ({
            autoSchemaFile: true,
            sortSchema: true,
            path: '/graphql',
            playground: false,
            introspection: !production,
            includeStacktraceInErrorResponses: false,
            formatError: createErrorFormatter(production),
            context: (req: FastifyRequest, reply: FastifyReply): RequestContext => ({
              req,
              reply,
              requestId: String(req.id ?? randomUUID()),
              sources: sources.forRequest(),
              sourceErrors: [],
            }),
          }),
        }),
        services,
      ],
      controllers: [HealthController, MetricsController, ...(config.auth.devIssuer ? [DevIssuerController] : [])],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        PersonResolver,
        PluginsResolver,
        ResponsePlugin,
        ...detailResolvers,
      ],
    };
  }
}

/** Holds the hub's singletons so the GraphQL factory and the resolvers share one instance of each. */
@Module({})
class GatewayServicesModule {}
