import { Logger } from '@nestjs/common';
import type { JobQueue } from '@frontdoor/jobs';
import type { HubMetrics } from '../metrics/hub-metrics';
import type { PluginRuntime } from './plugin-runtime';
import type { PluginJobRuns } from './plugin-job-runs';

/** The one job name all plugin jobs run under on the queue; the payload says which. */
export const PLUGIN_JOB = 'plugin.job';

interface PluginJobPayload {
  plugin: string;
  job: string;
}

interface ScheduledJob {
  runtime: PluginRuntime;
  name: string;
  everyMs: number;
  runOnStart: boolean;
  enabled: boolean;
  running?: Promise<boolean>;
}

/** The stable id of a plugin job's schedule on the queue. */
export const pluginJobSchedulerId = (pluginId: string, jobName: string) => `plugin:${pluginId}:${jobName}`;

/**
 * Plugins' recurring jobs (e.g. a nightly export import), as recurring jobs on the job-queue
 * port: each interval runs once however many gateways and workers are up (decision 0020),
 * where `setInterval` ran once per replica. Only processes that run jobs call `start` (the
 * embedded gateway, or `apps/worker`). One run of a job at a time per process; a failed run
 * is logged, counted and retried at the next interval. A run the queue delivers again (its
 * lock lapsed) is started only once (`PluginJobRuns`). Jobs run without the read deadline and
 * breaker.
 */
export class PluginJobScheduler {
  private readonly logger = new Logger('PluginJobs');
  private readonly jobs: ScheduledJob[] = [];

  constructor(
    runtimes: PluginRuntime[],
    private readonly metrics: HubMetrics,
    /** Each scheduled run starts once across processes, however often the queue delivers it. */
    private readonly runs: PluginJobRuns,
  ) {
    for (const runtime of runtimes) {
      for (const job of runtime.plugin.definition.jobs ?? []) {
        const override = runtime.plugin.settings.jobs[job.name];
        const minutes = override?.everyMinutes ?? job.everyMinutes;
        this.jobs.push({
          runtime,
          name: job.name,
          everyMs: minutes * 60_000,
          runOnStart: job.runOnStart ?? false,
          enabled: override?.enabled !== false,
        });
      }
    }
  }

  /**
   * Registers the processor and puts every enabled job's schedule on the queue (idempotent:
   * each process that runs jobs does it at start); a job turned off in config is unscheduled.
   * `runOnStart` (the first import while the plugin's tables are empty) becomes a run at once
   * when nobody ran the job in the current interval yet, so it is not repeated per replica.
   */
  async start(queue: JobQueue): Promise<void> {
    queue.process<PluginJobPayload>(PLUGIN_JOB, async ({ id, payload }) => {
      const job = this.find(payload.plugin, payload.job);
      if (!job?.enabled) {
        this.logger.warn({ plugin: payload.plugin, job: payload.job }, 'plugin job not known here; skipped');
        return;
      }
      if (!(await this.runs.claim(id, payload.plugin, payload.job))) {
        this.logger.warn(
          { plugin: payload.plugin, job: payload.job, run: id },
          'plugin job run delivered again after it was started; skipped',
        );
        return;
      }
      await this.runNow(payload.plugin, payload.job, id);
    });
    for (const job of this.jobs) {
      const id = pluginJobSchedulerId(job.runtime.id, job.name);
      if (!job.enabled) {
        await queue.unschedule(id);
        continue;
      }
      await queue.schedule(
        id,
        PLUGIN_JOB,
        { plugin: job.runtime.id, job: job.name } satisfies PluginJobPayload,
        // One try per interval: a failed import is retried by the next interval's run.
        { everyMs: job.everyMs, runOnStart: job.runOnStart, attempts: 1 },
      );
    }
  }

  private find(pluginId: string, jobName: string): ScheduledJob | undefined {
    return this.jobs.find((j) => j.runtime.id === pluginId && j.name === jobName);
  }

  /**
   * Runs a job now (or waits for the run in progress); resolves with whether it succeeded.
   * `run` names the scheduled run (the queue's job id: one per interval) in the log line, so
   * an operator can tell a run repeated after a crash from the next interval's.
   */
  async runNow(pluginId: string, jobName: string, run?: string): Promise<boolean> {
    const job = this.find(pluginId, jobName);
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
        this.logger.log({ plugin: pluginId, job: jobName, run, ...result.value }, 'plugin job finished');
      else
        this.logger.error(
          { plugin: pluginId, job: jobName, run, reason: result.failure.reason },
          'plugin job failed',
        );
      return result.ok;
    })().finally(() => {
      job.running = undefined;
    });
    return job.running;
  }

  /** Waits for the runs in progress (the queue itself is stopped by its owner). */
  async stop(): Promise<void> {
    await Promise.all(this.jobs.map((job) => job.running));
  }
}
