import {
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { PluginJobScheduler, type PluginRuntime } from '@frontdoor/core';
import type { JobQueue } from '@frontdoor/jobs';

/** Owns the running plugins for the gateway's lifetime: starts their jobs, closes their pools. */
@Injectable()
export class PluginHost implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    readonly runtimes: PluginRuntime[],
    readonly jobs: PluginJobScheduler,
    private readonly runJobs: boolean,
    private readonly queue: JobQueue,
  ) {}

  runtime(pluginId: string): PluginRuntime {
    const runtime = this.runtimes.find((r) => r.id === pluginId);
    if (!runtime) throw new Error(`No running plugin "${pluginId}"`);
    return runtime;
  }

  async onApplicationBootstrap(): Promise<void> {
    // Health at boot: a 404 is believed to mean "nothing here" only once the department's own
    // health endpoint has answered. Not awaited: a department down at boot is reported, not fatal.
    for (const runtime of this.runtimes) void runtime.checkHealth();
    if (this.runJobs) await this.jobs.start(this.queue);
  }

  /** Running plugin jobs finish while the database is still open (TypeORM closes it on shutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.jobs.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.runtimes.map((r) => r.close()));
  }
}
