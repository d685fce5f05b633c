import type { DataSource } from 'typeorm';
import { PluginRuntime, type HubMetrics, type LoadedPlugin } from '@frontdoor/core';

/** Test clocks: "today" as plugins see it, and the cache's clock. */
export interface PluginClocks {
  today?: () => string;
  now?: () => number;
}

/** The configured plugins, running: each with the hub's database when it declares tables of its own. */
export function createPluginRuntimes(
  plugins: LoadedPlugin[],
  metrics: HubMetrics,
  dataSource: DataSource,
  clocks: PluginClocks = {},
): PluginRuntime[] {
  return plugins.map(
    (p) =>
      new PluginRuntime(
        p,
        metrics,
        p.definition.data ? dataSource.manager : undefined,
        clocks.today,
        clocks.now,
      ),
  );
}
