import type { DataSourceOptions } from 'typeorm';
import type { HubConfig } from '@frontdoor/config';
import { CORE_ENTITIES, type LoadedPlugin } from '@frontdoor/core';
import { JOB_ENTITIES } from '@frontdoor/jobs';
import { buildDataSourceOptions } from '@frontdoor/persistence';

/** The DataSource options for this configuration: the hub's, the job queue's and the enabled plugins' tables and migrations. */
export function hubDataSourceOptions(config: HubConfig, plugins: LoadedPlugin[]): DataSourceOptions {
  return buildDataSourceOptions({
    databaseUrl: config.env.DATABASE_URL,
    dataDir: config.env.DATA_DIR,
    migrate: config.env.DATABASE_MIGRATE,
    entities: [
      ...CORE_ENTITIES,
      ...JOB_ENTITIES,
      ...plugins.flatMap((p) => p.definition.data?.entities ?? []),
    ],
    extraMigrations: plugins.flatMap((p) => p.definition.data?.migrations ?? []),
  });
}
