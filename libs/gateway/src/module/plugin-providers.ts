import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DepartmentStatusBoard,
  HubMetrics,
  PersonReader,
  PluginJobRuns,
  PluginJobScheduler,
  type LoadedPlugin,
  type PersonAnswerStore,
} from '@frontdoor/core';
import { createPluginRuntimes } from '@frontdoor/hub';
import { detailFieldsOf } from '@frontdoor/plugin-sdk';
import type { GatewayConfig } from '../platform/config/gateway-config';
import { createPluginActionResolver } from '../plugins/plugin-action.resolver';
import { createPluginDetailResolver } from '../plugins/plugin-detail.resolver';
import { PluginHost } from '../platform/plugin-runtime/plugin-host';
import { createPluginQueryResolver } from '../plugins/plugin-query.resolver';
import { PERSON_ANSWER_STORE, sharedStateProviders } from '../platform/shared-state/shared-state.providers';

/** The running plugins, their jobs, the shared state (memory or Redis), and the person reader over them. */
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
      useFactory: (ds: DataSource, metrics: HubMetrics) => {
        const runtimes = createPluginRuntimes(plugins, metrics, ds, { today, now });
        return new PluginHost(runtimes, new PluginJobScheduler(runtimes, metrics, new PluginJobRuns(ds)));
      },
      inject: [DataSource, HubMetrics],
    },
    ...sharedStateProviders(config.env.REDIS_URL, config.env.REDIS_QUEUE),
    {
      provide: PersonReader,
      useFactory: (host: PluginHost, metrics: HubMetrics, store: PersonAnswerStore) =>
        new PersonReader(host.runtimes, metrics, { now, store }),
      inject: [PluginHost, HubMetrics, PERSON_ANSWER_STORE],
    },
    {
      provide: DepartmentStatusBoard,
      useFactory: (host: PluginHost) => new DepartmentStatusBoard(host.runtimes, 10_000, now),
      inject: [PluginHost],
    },
  ];
}

/** The GraphQL resolvers each plugin's declarations generate (detail fields, queries, actions). */
export function pluginResolvers(plugins: LoadedPlugin[]): Provider[] {
  return plugins.flatMap((plugin) => [
    ...detailFieldsOf(plugin.definition.person).map((detail) => createPluginDetailResolver(plugin, detail)),
    ...(plugin.definition.queries ?? []).map((query) => createPluginQueryResolver(plugin, query)),
    ...(plugin.definition.actions ?? []).map((action) => createPluginActionResolver(plugin, action)),
  ]);
}
