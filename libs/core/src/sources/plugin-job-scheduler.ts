import { Logger } from '@nestjs/common';
import type { HubMetrics } from '../metrics/hub-metrics';
import type { PluginRuntime } from './plugin-runtime';

interface ScheduledJob {
  runtime: PluginRuntime;
  name: string;
  everyMs: number;
  runOnStart: boolean;
  running?: Promise<boolean>;
  timer?: NodeJS.Timeout;
}

/**
 * Runs plugins' recurring jobs (e.g. a nightly export import) inside the hub process:
 * the embedded default's scheduler. One run of a job at a time; a failed run is logged,
 * counted and retried at the next interval. Jobs run without the read deadline and breaker.
 */
export class PluginJobScheduler {
  private readonly logger = new Logger('PluginJobs');
  private readonly jobs: ScheduledJob[] = [];

  constructor(
    runtimes: PluginRuntime[],
    private readonly metrics: HubMetrics,
  ) {
    for (const runtime of runtimes) {
      for (const job of runtime.plugin.definition.jobs ?? []) {
        const override = runtime.plugin.settings.jobs[job.name];
        if (override?.enabled === false) continue;
        const minutes = override?.everyMinutes ?? job.everyMinutes;
        this.jobs.push({
          runtime,
          name: job.name,
          everyMs: minutes * 60_000,
          runOnStart: job.runOnStart ?? false,
        });
      }
    }
  }

  start(): void {
    for (const job of this.jobs) {
      if (job.runOnStart) void this.runNow(job.runtime.id, job.name);
      job.timer = setInterval(() => void this.runNow(job.runtime.id, job.name), job.everyMs);
      job.timer.unref();
    }
  }

  /** Runs a job now (or waits for the run in progress); resolves with whether it succeeded. */
  async runNow(pluginId: string, jobName: string): Promise<boolean> {
    const job = this.jobs.find((j) => j.runtime.id === pluginId && j.name === jobName);
    if (!job) throw new Error(`No job "${jobName}" for plugin "${pluginId}"`);
    if (job.running) return job.running;
    job.running = (async () => {
      const definition = job.runtime.plugin.definition.jobs!.find((j) => j.name === jobName)!;
      const result = await job.runtime.call(
        `job:${jobName}`,
        (ctx) => definition.run({ ...ctx, data: ctx.data! }),
        { guarded: false },
      );
      this.metrics.pluginJobRuns.inc({
        plugin: pluginId,
        job: jobName,
        outcome: result.ok ? 'ok' : 'failed',
      });
      if (result.ok)
        this.logger.log({ plugin: pluginId, job: jobName, ...result.value }, 'plugin job finished');
      else
        this.logger.error(
          { plugin: pluginId, job: jobName, reason: result.failure.reason },
          'plugin job failed',
        );
      return result.ok;
    })().finally(() => {
      job.running = undefined;
    });
    return job.running;
  }

  async stop(): Promise<void> {
    for (const job of this.jobs) clearInterval(job.timer);
    await Promise.all(this.jobs.map((job) => job.running));
  }
}
