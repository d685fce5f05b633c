import { Logger } from '@nestjs/common';
import type { HubConfig } from '@frontdoor/config';
import {
  HubMetrics,
  PluginJobRuns,
  PluginJobScheduler,
  loadPlugins,
  type ModuleLoader,
} from '@frontdoor/core';
import {
  HubClock,
  HubJobs,
  createHubMailer,
  createHubQueue,
  createPluginRuntimes,
  hubDataSourceOptions,
} from '@frontdoor/hub';
import type { JobQueue } from '@frontdoor/jobs';
import { openDataSource } from '@frontdoor/persistence';

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
 * A job worker: the hub without the API. The same configuration as the gateways, no HTTP,
 * running every job of the hub (HubJobs: the case chain's, the statistics roll-up, retention,
 * the configured plugins' recurring jobs, their tables and migrations included) from BullMQ on
 * Redis. Gateways add jobs; any number of workers run them, each job on one worker, each
 * recurring job once per interval.
 */
export async function startWorker(config: HubConfig, options: WorkerOptions = {}): Promise<RunningWorker> {
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
  const clock = new HubClock();
  const queue = await createHubQueue(config, dataSource, clock.now);
  const mailer = createHubMailer(config.env);
  const metrics = new HubMetrics();
  const runtimes = createPluginRuntimes(plugins, metrics, dataSource);
  const pluginJobs = new PluginJobScheduler(runtimes, metrics, new PluginJobRuns(dataSource));
  const jobs = new HubJobs({ config, dataSource, queue, mailer, now: clock.now, pluginJobs });
  await jobs.start();
  // Relays what gateways' case changes left in the outbox while the queue was down.
  const { outbox } = jobs.cases;
  outbox.start();
  logger.log({ plugins: plugins.map((p) => p.id) }, 'worker started');
  let stopping: Promise<void> | undefined;
  return {
    queue,
    pluginJobs,
    stop: () =>
      (stopping ??= (async () => {
        await outbox.stop();
        await jobs.stop();
        await Promise.all(runtimes.map((r) => r.close()));
        mailer.close();
        await dataSource.destroy();
      })()),
  };
}
