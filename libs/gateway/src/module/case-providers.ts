import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CaseQueries,
  CaseService,
  EmailAnswers,
  KnowledgeService,
  SurveyAnswers,
  createCaseChain,
} from '@frontdoor/core';
import { createHubMailer, createHubQueue, HubClock, HubJobs } from '@frontdoor/hub';
import type { JobQueue } from '@frontdoor/jobs';
import { OutboxRelayHost } from '../cases/outbox-relay-host';
import { EServiceIntake } from '../e-services/e-service-intake';
import { JOB_QUEUE } from '../cases/failed-jobs.resolver';
import type { GatewayConfig } from '../platform/config/gateway-config';
import { HubJobsHost } from '../platform/jobs/hub-jobs-host';
import { PluginHost } from '../platform/plugin-runtime/plugin-host';
import { StatisticsService } from '../statistics/statistics.service';
import { ContactCoverageService } from '../statistics/contact-coverage/contact-coverage.service';

/** The hub's clock and the job queue both the case chain and the plugins' jobs use. */
export function clockAndQueueProviders(config: GatewayConfig, now?: () => number): Provider[] {
  return [
    { provide: HubClock, useFactory: () => new HubClock(now) },
    {
      provide: JOB_QUEUE,
      useFactory: (ds: DataSource, clock: HubClock) => createHubQueue(config, ds, clock.now),
      inject: [DataSource, HubClock],
    },
  ];
}

/** The case chain (ärenden): cases, their queries, knowledge, statistics, and the hub's jobs. */
export function caseProviders(config: GatewayConfig): Provider[] {
  return [
    {
      provide: CaseService,
      useFactory: (ds: DataSource, queue: JobQueue, clock: HubClock) => createCaseChain(ds, queue, clock.now),
      inject: [DataSource, JOB_QUEUE, HubClock],
    },
    OutboxRelayHost,
    {
      provide: SurveyAnswers,
      useFactory: (ds: DataSource, clock: HubClock) => new SurveyAnswers(ds, clock.now),
      inject: [DataSource, HubClock],
    },
    {
      // Answers by e-mail come from the contact address citizens write to (the first of EMAIL_INBOUND_ADDRESSES).
      provide: EmailAnswers,
      useFactory: (ds: DataSource, cases: CaseService, clock: HubClock) =>
        new EmailAnswers(ds, cases, config.env.EMAIL_INBOUND_ADDRESSES[0], clock.now),
      inject: [DataSource, CaseService, HubClock],
    },
    {
      provide: EServiceIntake,
      useFactory: (cases: CaseService) => new EServiceIntake(cases, config.cases),
      inject: [CaseService],
    },
    {
      provide: StatisticsService,
      useFactory: (ds: DataSource, clock: HubClock) =>
        new StatisticsService(ds, clock, config.serviceTargets),
      inject: [DataSource, HubClock],
    },
    {
      provide: ContactCoverageService,
      useFactory: (ds: DataSource) => new ContactCoverageService(ds, config.cases),
      inject: [DataSource],
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
      // The same HubJobs the worker runs: a job added there runs here when jobs run in process.
      provide: HubJobsHost,
      useFactory: (dataSource: DataSource, queue: JobQueue, clock: HubClock, plugins: PluginHost) => {
        const mailer = createHubMailer(config.env);
        const jobs = new HubJobs({
          config,
          dataSource,
          queue,
          mailer,
          now: clock.now,
          pluginJobs: plugins.jobs,
        });
        return new HubJobsHost(dataSource, config.cases, jobs, config.env.JOBS_IN_PROCESS, mailer);
      },
      inject: [DataSource, JOB_QUEUE, HubClock, PluginHost],
    },
  ];
}
