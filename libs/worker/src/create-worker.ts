import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CORE_ENTITIES,
  CaseDigests,
  CaseNotifications,
  CitizenNotifications,
  EmailCitizenMessenger,
  CaseService,
  HubMetrics,
  Mailer,
  PluginJobScheduler,
  PluginRuntime,
  RetentionJob,
  rollUpStatistics,
  StatisticsRollupJob,
  loadPlugins,
  runRetention,
  type ModuleLoader,
} from '@frontdoor/core';
import { hubDataSourceOptions, type GatewayConfig } from '@frontdoor/gateway';
import { JOB_ENTITIES, createJobQueue, type JobQueue } from '@frontdoor/jobs';
import { buildDataSourceOptions, openDataSource } from '@frontdoor/persistence';

export interface RunningWorker {
  queue: JobQueue;
  /** The configured plugins' recurring jobs (e.g. the waste import), run by this worker. */
  pluginJobs: PluginJobScheduler;
  stop(): Promise<void>;
}

export interface WorkerOptions {
  /** For tests: how plugin modules are imported (default: require). */
  loadModule?: ModuleLoader;
}

/**
 * A job worker: the same configuration as the gateways, no HTTP, running the case chain's
 * jobs (group notifications, SLA alarms, digests) and the configured plugins' recurring jobs
 * (their tables and migrations included) from BullMQ on Redis. Gateways add jobs; any number
 * of workers run them, each job on one worker, each recurring job once per interval.
 */
export async function startWorker(
  config: GatewayConfig,
  options: WorkerOptions = {},
): Promise<RunningWorker> {
  const logger = new Logger('Worker');
  if (!config.env.REDIS_URL) {
    throw new Error(
      'REDIS_URL: the worker runs jobs from Redis (the embedded default runs them inside the gateway instead)',
    );
  }
  if (!config.env.SMTP_URL)
    throw new Error('SMTP_URL: the worker sends the case chain’s e-mail and needs a mail relay');
  const plugins = loadPlugins(config.plugins, options.loadModule);
  // Migrations (DATABASE_MIGRATE) under the same lock as the gateways'.
  const dataSource = await openDataSource(hubDataSourceOptions(config, plugins));
  const queue = await createJobQueue(
    { redisUrl: config.env.REDIS_URL, queueName: config.env.REDIS_QUEUE },
    dataSource,
  );
  const mailer = new Mailer({ smtpUrl: config.env.SMTP_URL, from: config.env.MAIL_FROM });
  new CaseNotifications(dataSource, mailer).register(queue);
  new CitizenNotifications(
    dataSource,
    new EmailCitizenMessenger(mailer),
    config.env.CITIZEN_PAGE_URL,
  ).register(queue);
  const cases = new CaseService(dataSource, queue);
  cases.registerWakeUps(queue);
  const digests = new CaseDigests(dataSource, mailer, config.serviceTargets);
  digests.register(queue);
  // Retention (gallring) deletes as its own role when RETENTION_DATABASE_URL is set (tools/sql/postgres-retention-role.sql).
  const retentionSource = config.env.RETENTION_DATABASE_URL
    ? await new DataSource(
        buildDataSourceOptions({
          databaseUrl: config.env.RETENTION_DATABASE_URL,
          dataDir: config.env.DATA_DIR,
          migrate: false,
          entities: [...CORE_ENTITIES, ...JOB_ENTITIES],
        }),
      ).initialize()
    : dataSource;
  const retention = new RetentionJob(() =>
    runRetention(retentionSource, config.retention, new Date(), queue),
  );
  retention.register(queue);
  const rollup = new StatisticsRollupJob(() => rollUpStatistics(dataSource));
  rollup.register(queue);
  const metrics = new HubMetrics();
  const runtimes = plugins.map(
    (p) => new PluginRuntime(p, metrics, p.definition.data ? dataSource.manager : undefined),
  );
  const pluginJobs = new PluginJobScheduler(runtimes, metrics);
  await pluginJobs.start(queue);
  await queue.start();
  await digests.schedule(queue);
  await retention.schedule(queue);
  await rollup.schedule(queue);
  // Relays what gateways' case changes left in the outbox while the queue was down.
  const { outbox } = cases;
  outbox.start();
  logger.log({ plugins: plugins.map((p) => p.id) }, 'worker started');
  let stopping: Promise<void> | undefined;
  return {
    queue,
    pluginJobs,
    stop: () =>
      (stopping ??= (async () => {
        await outbox.stop();
        await queue.stop();
        await pluginJobs.stop();
        await Promise.all(runtimes.map((r) => r.close()));
        mailer.close();
        if (retentionSource !== dataSource) await retentionSource.destroy();
        await dataSource.destroy();
      })()),
  };
}
