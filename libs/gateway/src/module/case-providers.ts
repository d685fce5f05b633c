import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseQueries, CaseService, KnowledgeService, Mailer } from '@frontdoor/core';
import { createJobQueue, type JobQueue } from '@frontdoor/jobs';
import { CaseRuntime, LoggingMailer } from '../cases/case-runtime';
import { OutboxRelayHost } from '../cases/outbox-relay-host';
import { EServiceIntake } from '../e-services/e-service-intake';
import { JOB_QUEUE } from '../cases/failed-jobs.resolver';
import { RetentionRuntime } from '../retention/retention-runtime';
import type { GatewayConfig } from '../config/gateway-config';
import { StatisticsService } from '../statistics/statistics.service';
import { HubClock } from '../time/hub-clock';

/** The hub's clock and the job queue both the case chain and the plugins' jobs use. */
export function clockAndQueueProviders(config: GatewayConfig, now?: () => number): Provider[] {
  return [
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
  ];
}

/** The case chain (ärenden): cases, their queries, knowledge, statistics, and its jobs' runtime. */
export function caseProviders(config: GatewayConfig): Provider[] {
  return [
    {
      provide: CaseService,
      useFactory: (ds: DataSource, queue: JobQueue, clock: HubClock) => new CaseService(ds, queue, clock.now),
      inject: [DataSource, JOB_QUEUE, HubClock],
    },
    OutboxRelayHost,
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
          config.env.CITIZEN_PAGE_URL,
        ),
      inject: [DataSource, JOB_QUEUE, HubClock],
    },
    {
      provide: RetentionRuntime,
      useFactory: (ds: DataSource, queue: JobQueue, clock: HubClock) =>
        new RetentionRuntime(
          ds,
          queue,
          config.retention,
          config.env.RETENTION_DATABASE_URL,
          config.env.JOBS_IN_PROCESS,
          clock.now,
        ),
      inject: [DataSource, JOB_QUEUE, HubClock],
    },
  ];
}
