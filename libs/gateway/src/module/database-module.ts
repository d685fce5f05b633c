import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import { CORE_ENTITIES, type LoadedPlugin } from '@frontdoor/core';
import { JOB_ENTITIES } from '@frontdoor/jobs';
import { buildDataSourceOptions, openDataSource } from '@frontdoor/persistence';
import type { GatewayConfig } from '../config/gateway-config';

/** The DataSource options for this configuration: the hub's, the job queue's and the enabled plugins' tables and migrations. */
export function hubDataSourceOptions(config: GatewayConfig, plugins: LoadedPlugin[]): DataSourceOptions {
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

/**
 * The hub's database. Opened by `openDataSource`, so migrations (DATABASE_MIGRATE) run under
 * the PostgreSQL advisory lock: replicas started at once on an empty database all come up.
 */
export function databaseModule(config: GatewayConfig, plugins: LoadedPlugin[]): DynamicModule {
  const options = hubDataSourceOptions(config, plugins);
  return TypeOrmModule.forRootAsync({
    useFactory: () => options,
    dataSourceFactory: async () => openDataSource(options),
  });
}
