import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  HubMetrics,
  PersonSources,
  PluginJobScheduler,
  PluginRuntime,
  type LoadedPlugin,
} from '@frontdoor/core';
import type { JobQueue } from '@frontdoor/jobs';
import { JOB_QUEUE } from '../cases/failed-jobs.resolver';
import type { GatewayConfig } from '../config/gateway-config';
import { createPluginActionResolver } from '../plugins/plugin-action.resolver';
import { createPluginDetailResolver } from '../plugins/plugin-detail.resolver';
import { PluginHost } from '../plugins/plugin-host';
import { createPluginQueryResolver } from '../plugins/plugin-query.resolver';

/** The running plugins, their jobs, and the person sources reading through them. */
export function pluginProviders(
  config: GatewayConfig,
  plugins: LoadedPlugin[],
  today?: () => string,
  now?: () => number,
): Provider[] {
  return [
    { provide: HubMetrics, useFactory: () => new HubMetrics() },
    {
      provide: PluginHost,
      useFactory: (ds: DataSource, metrics: HubMetrics, queue: JobQueue) => {
        const runtimes = plugins.map(
          (p) => new PluginRuntime(p, metrics, p.definition.data ? ds.manager : undefined, today),
        );
        return new PluginHost(
          runtimes,
          new PluginJobScheduler(runtimes, metrics),
          config.env.JOBS_IN_PROCESS,
          queue,
        );
      },
      inject: [DataSource, HubMetrics, JOB_QUEUE],
    },
    {
      provide: PersonSources,
      useFactory: (host: PluginHost, metrics: HubMetrics) =>
        new PersonSources(host.runtimes, metrics, { now }),
      inject: [PluginHost, HubMetrics],
    },
  ];
}

/** The GraphQL resolvers each plugin's declarations generate (detail fields, queries, actions). */
export function pluginResolvers(plugins: LoadedPlugin[]): Provider[] {
  return plugins.flatMap((plugin) => [
    ...(plugin.definition.person.detail ? [createPluginDetailResolver(plugin)] : []),
    ...(plugin.definition.queries ?? []).map((query) => createPluginQueryResolver(plugin, query)),
    ...(plugin.definition.actions ?? []).map((action) => createPluginActionResolver(plugin, action)),
  ]);
}
