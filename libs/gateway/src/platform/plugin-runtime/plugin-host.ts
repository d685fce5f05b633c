import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { PluginJobScheduler, PluginRuntime } from '@frontdoor/core';

/**
 * Owns the running plugins for the gateway's lifetime: checks their health at boot, closes
 * their pools. Their recurring jobs run with the hub's other jobs (HubJobs), where jobs run.
 */
@Injectable()
export class PluginHost implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    readonly runtimes: PluginRuntime[],
    readonly jobs: PluginJobScheduler,
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
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.runtimes.map((r) => r.close()));
  }
}
