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
import {
  AuditService,
  CORE_ENTITIES,
  CaseQueries,
  CaseService,
  HubMetrics,
  KnowledgeService,
  Mailer,
  MandateGrants,
  PartyService,
  DepartmentStatusBoard,
  PersonReader,
  PluginJobScheduler,
  PluginRuntime,
  type LoadedPlugin,
} from '@frontdoor/core';
import { JobRecord, createJobQueue, type JobQueue } from '@frontdoor/jobs';
import { buildDataSourceOptions } from '@frontdoor/persistence';
import { AccessPolicy } from './access/access-policy';
import { MandatesResolver } from './access/mandates.resolver';
import { AccessGuard } from './auth/access.guard';
import { DevIssuerController } from './auth/dev-issuer.controller';
import { TokenVerifier } from './auth/token-verifier';
import type { GatewayConfig } from './config/gateway-config';
import { createErrorFormatter } from './graphql/format-error';
import { queryCostPlugin } from './graphql/query-cost.plugin';
import { aliasLimit, depthLimit } from './graphql/query-limits';
import { PersonResolver } from './graphql/person.resolver';
import { PluginsResolver } from './graphql/plugins.resolver';
import type { RequestContext } from './graphql/request-context';
import { ResponsePlugin } from './graphql/response.plugin';
import { HealthController } from './health/health.controller';
import { pinoOptions } from './logging/pino-options';
import { CaseRuntime, LoggingMailer } from './cases/case-runtime';
import { CaseResolver } from './cases/case.resolver';
import { FailedJobsResolver, JOB_QUEUE } from './cases/failed-jobs.resolver';
import { PersonCasesResolver } from './cases/person-cases.resolver';
import { DevClockController } from './dev/dev-clock.controller';
import { MetricsController } from './metrics/metrics.controller';
import { CaseSuggestionsResolver, KnowledgeResolver } from './knowledge/knowledge.resolver';
import { AuditResolver } from './me/audit.resolver';
import { MeResolver } from './me/me.resolver';
import { StatisticsCsvController } from './statistics/statistics-csv.controller';
import { StatisticsResolver } from './statistics/statistics.resolver';
import { StatisticsService } from './statistics/statistics.service';
import { HubClock } from './time/hub-clock';
import { createPluginActionResolver } from './plugins/plugin-action.resolver';
import { createPluginDetailResolver } from './plugins/plugin-detail.resolver';
import { PluginHost } from './plugins/plugin-host';
import { createPluginQueryResolver } from './plugins/plugin-query.resolver';

export interface GatewayModuleOptions {
  config: GatewayConfig;
  plugins: LoadedPlugin[];
  /** For tests: fixes "today" as plugins see it (Europe/Stockholm, YYYY-MM-DD). */
  today?: () => string;
  /** For tests: the clock the hub's cache reads (ms since epoch). */
  now?: () => number;
}

/** The gateway: one GraphQL way in, the hub's services, and the plugins chosen by configuration. */
@Module({})
export class GatewayModule {
  static forRoot({ config, plugins, today, now }: GatewayModuleOptions): DynamicModule {
    const production = config.env.NODE_ENV === 'production';
    const pluginResolvers = plugins.flatMap((plugin) => [
      ...(plugin.definition.person.detail ? [createPluginDetailResolver(plugin)] : []),
      ...(plugin.definition.queries ?? []).map((query) => createPluginQueryResolver(plugin, query)),
      ...(plugin.definition.actions ?? []).map((action) => createPluginActionResolver(plugin, action)),
    ]);

    const hubServices: Provider[] = [
      { provide: HubClock, useFactory: () => new HubClock(now) },
      {
        provide: JOB_QUEUE,
        useFactory: (ds: DataSource, clock: HubClock) =>
          createJobQueue(
            {
              redisUrl: config.env.REDIS_URL,
              queueName: config.env.REDIS_QUEUE,
              pollMs: 1000,
              now: clock.now,
            },
            ds,
          ),
        inject: [DataSource, HubClock],
      },
      {
        provide: CaseService,
        useFactory: (ds: DataSource, queue: JobQueue, clock: HubClock) =>
          new CaseService(ds, queue, clock.now),
        inject: [DataSource, JOB_QUEUE, HubClock],
      },
      {
        provide: StatisticsService,
        useFactory: (ds: DataSource, clock: HubClock) =>
          new StatisticsService(ds, clock, config.serviceTargets),
        inject: [DataSource, HubClock],
      },
      {
        provide: KnowledgeService,
        useFactory: (ds: DataSource, clock: HubClock) => new KnowledgeService(ds, clock.now),
        inject: [DataSource, HubClock],
      },
      {
        provide: CaseQueries,
        useFactory: (ds: DataSource, clock: HubClock) => new CaseQueries(ds, clock.now),
        inject: [DataSource, HubClock],
      },
      {
        provide: CaseRuntime,
        useFactory: (ds: DataSource, queue: JobQueue, clock: HubClock) =>
          new CaseRuntime(
            ds,
            queue,
            config.env.SMTP_URL
              ? new Mailer({ smtpUrl: config.env.SMTP_URL, from: config.env.MAIL_FROM })
              : new LoggingMailer(),
            config.cases,
            config.serviceTargets,
            config.env.JOBS_IN_PROCESS,
            clock.now,
          ),
        inject: [DataSource, JOB_QUEUE, HubClock],
      },
      { provide: HubMetrics, useFactory: () => new HubMetrics() },
      {
        provide: PluginHost,
        useFactory: (ds: DataSource, metrics: HubMetrics) => {
          const runtimes = plugins.map(
            (p) => new PluginRuntime(p, metrics, p.definition.data ? ds.manager : undefined, today, now),
          );
          return new PluginHost(
            runtimes,
            new PluginJobScheduler(runtimes, metrics),
            config.env.JOBS_IN_PROCESS,
          );
        },
        inject: [DataSource, HubMetrics],
      },
      {
        provide: PersonReader,
        useFactory: (host: PluginHost, metrics: HubMetrics) =>
          new PersonReader(host.runtimes, metrics, { now }),
        inject: [PluginHost, HubMetrics],
      },
      {
        provide: DepartmentStatusBoard,
        useFactory: (host: PluginHost) => new DepartmentStatusBoard(host.runtimes, 10_000, now),
        inject: [PluginHost],
      },
      { provide: PartyService, useFactory: (ds: DataSource) => new PartyService(ds), inject: [DataSource] },
      { provide: AuditService, useFactory: (ds: DataSource) => new AuditService(ds), inject: [DataSource] },
      {
        provide: MandateGrants,
        useFactory: (ds: DataSource, clock: HubClock) => new MandateGrants(ds, () => clock.now().getTime()),
        inject: [DataSource, HubClock],
      },
      {
        provide: AccessPolicy,
        useFactory: (grants: MandateGrants) =>
          AccessPolicy.forPlugins(config.access, config.cases, plugins, grants),
        inject: [MandateGrants],
      },
      { provide: TokenVerifier, useFactory: () => TokenVerifier.create(config.auth, { now }) },
    ];

    const services: DynamicModule = {
      module: GatewayServicesModule,
      global: true,
      providers: hubServices,
      exports: hubServices,
    };

    return {
      module: GatewayModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: pinoOptions(config.env.LOG_LEVEL) }),
        TypeOrmModule.forRoot(
          buildDataSourceOptions({
            databaseUrl: config.env.DATABASE_URL,
            dataDir: config.env.DATA_DIR,
            migrate: config.env.DATABASE_MIGRATE,
            entities: [
              ...CORE_ENTITIES,
              JobRecord,
              ...plugins.flatMap((p) => p.definition.data?.entities ?? []),
            ],
            extraMigrations: plugins.flatMap((p) => p.definition.data?.migrations ?? []),
          }),
        ),
        TerminusModule.forRoot({ logger: false }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [services],
          inject: [PersonReader],
          useFactory: (reader: PersonReader) => ({
            autoSchemaFile: true,
            sortSchema: true,
            path: '/graphql',
            playground: false,
            introspection: !production,
            includeStacktraceInErrorResponses: false,
            // No "did you mean …" field suggestions for strangers in production.
            hideSchemaDetailsFromClientErrors: production,
            allowBatchedHttpRequests: false,
            csrfPrevention: true,
            validationRules: [
              depthLimit(config.env.GRAPHQL_MAX_DEPTH),
              aliasLimit(config.env.GRAPHQL_MAX_ALIASES),
            ],
            plugins: [queryCostPlugin(config.env.GRAPHQL_MAX_COST)],
            formatError: createErrorFormatter(production),
            context: (req: FastifyRequest, reply: FastifyReply): RequestContext => ({
              req,
              reply,
              requestId: String(req.id ?? randomUUID()),
              reads: reader.forRequest(),
              sourceErrors: [],
            }),
          }),
        }),
        services,
      ],
      controllers: [
        HealthController,
        MetricsController,
        StatisticsCsvController,
        ...(config.auth.devIssuer ? [DevIssuerController] : []),
        ...(production ? [] : [DevClockController]),
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        PersonResolver,
        PluginsResolver,
        CaseResolver,
        PersonCasesResolver,
        StatisticsResolver,
        KnowledgeResolver,
        CaseSuggestionsResolver,
        FailedJobsResolver,
        MeResolver,
        AuditResolver,
        MandatesResolver,
        ResponsePlugin,
        ...pluginResolvers,
      ],
    };
  }
}

/** Holds the hub's singletons so the GraphQL factory and the resolvers share one instance of each. */
@Module({})
class GatewayServicesModule {}
