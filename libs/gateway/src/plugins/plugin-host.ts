import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PluginJobScheduler, type PluginRuntime } from '@frontdoor/core';

/** Owns the running plugins for the gateway's lifetime: starts their jobs, closes their pools. */
@Injectable()
export class PluginHost implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    readonly runtimes: PluginRuntime[],
    readonly jobs: PluginJobScheduler,
    private readonly runJobs: boolean,
  ) {}

  runtime(pluginId: string): PluginRuntime {
    const runtime = this.runtimes.find((r) => r.id === pluginId);
    if (!runtime) throw new Error(`No running plugin "${pluginId}"`);
    return runtime;
  }

  onApplicationBootstrap(): void {
    // Health at boot: a 404 is believed to mean "nothing here" only once the department's own
    // health endpoint has answered. Not awaited: a department down at boot is reported, not fatal.
    for (const runtime of this.runtimes) void runtime.checkHealth();
    if (this.runJobs) this.jobs.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.jobs.stop();
    await Promise.all(this.runtimes.map((r) => r.close()));
  }
}
