import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { PersonReader, type LoadedPlugin } from '@frontdoor/core';
import { MandatesResolver } from './mandates/mandates.resolver';
import { AccessGuard } from './platform/guard/access.guard';
import { TokenVerifier } from './platform/auth/token-verifier';
import { DevIssuerController } from './dev/dev-issuer.controller';
import { CaseResolver } from './cases/case.resolver';
import { CaseEmailResolver } from './cases/case-email.resolver';
import { FailedJobsResolver } from './cases/failed-jobs.resolver';
import { PersonCasesResolver } from './cases/person-cases.resolver';
import type { GatewayConfig } from './platform/config/gateway-config';
import { DevClockController } from './dev/dev-clock.controller';
import { FrontdoorErrorFilter } from './platform/errors/frontdoor-error.filter';
import { PersonResolver } from './person/person.resolver';
import { PluginsResolver } from './person/plugins.resolver';
import { ResponsePlugin } from './platform/graphql/response.plugin';
import { HealthController } from './platform/health/health.controller';
import { CaseSuggestionsResolver, KnowledgeResolver } from './knowledge/knowledge.resolver';
import { pinoOptions } from './platform/logging/pino-options';
import { stdoutLogDestination } from './platform/logging/log-destination';
import { AuditResolver } from './me/audit.resolver';
import { AskQuestionResolver } from './e-services/ask-question.resolver';
import { CitizenMessagesResolver } from './cases/citizen-messages.resolver';
import { MeResolver } from './me/me.resolver';
import { MetricsController } from './platform/metrics/metrics.controller';
import { accessProviders } from './module/access-providers';
import { caseProviders, clockAndQueueProviders } from './module/case-providers';
import { databaseModule } from './module/database-module';
import { graphqlOptions } from './platform/graphql/graphql-options';
import { pluginProviders, pluginResolvers } from './module/plugin-providers';
import { ShutdownState } from './platform/shutdown/shutdown-state';
import { ServiceResultsController } from './statistics/service-results/service-results.controller';
import { SurveyController } from './survey/survey.controller';
import { noticesProviders } from './notices/notices.providers';
import { CategorySpikesResolver, MeNoticesResolver, NoticesResolver } from './notices/notices.resolver';
import { TelephonyNoticesController } from './notices/telephony-notices.controller';
import { SatisfactionResolver } from './survey/satisfaction.resolver';
import { StatisticsCsvController } from './statistics/statistics-csv.controller';
import { StatisticsResolver } from './statistics/statistics.resolver';
import { ContactCoverageResolver } from './statistics/contact-coverage/contact-coverage.resolver';
import { ContactCoverageCsvController } from './statistics/contact-coverage/contact-coverage-csv.controller';
import { TelephonyEventsController } from './telephony/telephony-events.controller';
import { CustomerEventsController } from './mina-arenden/customer-events.controller';
import { ConsoleSessionController } from './console/console-session.controller';
import { consoleProviders } from './console/console.providers';
import { MeRepresentationResolver, RepresentationResolver } from './representation/representation.resolver';
import { Open311Controller } from './e-services/open311/open311.controller';
import { open311Providers } from './e-services/open311/open311.providers';
import { customerEventsProviders } from './mina-arenden/customer-events.providers';
import { CallStatisticsResolver } from './telephony/call-statistics.resolver';
import { ContactCenterResolver } from './telephony/contact-center.resolver';
import { CaseCallResolver, TelephonyResolver } from './telephony/telephony.resolver';
import { telephonyProviders } from './telephony/telephony.providers';
import { CallbackRequestsController } from './telephony/callback-requests.controller';
import { CallbacksResolver } from './telephony/callbacks.resolver';
import { CitizenCallbacksResolver } from './telephony/citizen-callbacks.resolver';
import { identificationProviders } from './identification/identification.providers';
import { IdentificationResolver } from './identification/identification.resolver';

export interface GatewayModuleOptions {
  config: GatewayConfig;
  plugins: LoadedPlugin[];
  /** For tests: fixes "today" as plugins see it (Europe/Stockholm, YYYY-MM-DD). */
  today?: () => string;
  /** For tests: the clock the hub's cache reads (ms since epoch). */
  now?: () => number;
  /** For tests: where the JSON log lines go (default: stdout). */
  logStream?: DestinationStream;
}

/**
 * The gateway: one GraphQL way in, the hub's services, and the plugins chosen by
 * configuration. The providers are built by concern in `module/`.
 */
@Module({})
export class GatewayModule {
  static forRoot({ config, plugins, today, now, logStream }: GatewayModuleOptions): DynamicModule {
    const production = config.env.NODE_ENV === 'production';
    const hubServices: Provider[] = [
      ...clockAndQueueProviders(config, now),
      ...caseProviders(config),
      ...pluginProviders(config, plugins, today, now),
      ...accessProviders(config, plugins, now),
      ...telephonyProviders(config),
      ...identificationProviders(config),
      ...customerEventsProviders(config),
      ...consoleProviders(config),
      ...open311Providers(config),
      ...noticesProviders(config),
      { provide: ShutdownState, useValue: new ShutdownState() },
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
        LoggerModule.forRoot({
          pinoHttp: [pinoOptions(config.env.LOG_LEVEL), logStream ?? stdoutLogDestination()],
          // The request line and context come from a Fastify hook (logging/request-log.ts).
          forRoutes: [],
        }),
        databaseModule(config, plugins),
        TerminusModule.forRoot({ logger: false }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [services],
          inject: [PersonReader, TokenVerifier],
          useFactory: (reader: PersonReader, verifier: TokenVerifier) =>
            graphqlOptions(config, reader, verifier),
        }),
        services,
      ],
      controllers: [
        HealthController,
        MetricsController,
        StatisticsCsvController,
        ContactCoverageCsvController,
        TelephonyEventsController,
        CallbackRequestsController,
        CustomerEventsController,
        ConsoleSessionController,
        Open311Controller,
        ServiceResultsController,
        SurveyController,
        TelephonyNoticesController,
        ...(config.auth.devIssuer ? [DevIssuerController] : []),
        ...(production ? [] : [DevClockController]),
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: FrontdoorErrorFilter },
        PersonResolver,
        PluginsResolver,
        CaseResolver,
        CaseEmailResolver,
        PersonCasesResolver,
        StatisticsResolver,
        ContactCoverageResolver,
        SatisfactionResolver,
        NoticesResolver,
        CategorySpikesResolver,
        MeNoticesResolver,
        KnowledgeResolver,
        CaseSuggestionsResolver,
        FailedJobsResolver,
        MeResolver,
        AuditResolver,
        MandatesResolver,
        RepresentationResolver,
        MeRepresentationResolver,
        AskQuestionResolver,
        CitizenMessagesResolver,
        TelephonyResolver,
        CaseCallResolver,
        CallStatisticsResolver,
        ContactCenterResolver,
        CallbacksResolver,
        CitizenCallbacksResolver,
        IdentificationResolver,
        ResponsePlugin,
        ...pluginResolvers(plugins),
      ],
    };
  }
}

/** Holds the hub's singletons so the GraphQL factory and the resolvers share one instance of each. */
@Module({})
class GatewayServicesModule {}
