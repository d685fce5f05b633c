import type { DepartmentStatus, PluginRuntime } from './plugin-runtime';

/**
 * Whether each department system answers its own health endpoint, as readiness and
 * `plugins { healthy }` report it: the last check while it is younger than `maxAgeMs`,
 * else a new one (so probes do not hammer a department). The same checks vouch for a 404
 * meaning "nothing here" (see DepartmentConnection).
 */
export class DepartmentStatusBoard {
  constructor(
    private readonly runtimes: PluginRuntime[],
    private readonly maxAgeMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async status(pluginId: string): Promise<DepartmentStatus> {
    const runtime = this.runtimes.find((r) => r.id === pluginId);
    if (!runtime) throw new Error(`No running plugin "${pluginId}"`);
    const last = runtime.lastHealth();
    if (last.checkedAt && this.now() - last.checkedAt.getTime() < this.maxAgeMs) return last;
    if (!runtime.connection) return last;
    return runtime.checkHealth();
  }

  /** Checks every department (at boot); never throws: a department down at boot is reported, not fatal. */
  async checkAll(): Promise<void> {
    await Promise.all(this.runtimes.map((r) => r.checkHealth()));
  }
}
