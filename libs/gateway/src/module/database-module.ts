import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CORE_ENTITIES, type LoadedPlugin } from '@frontdoor/core';
import { JobRecord } from '@frontdoor/jobs';
import { buildDataSourceOptions } from '@frontdoor/persistence';
import type { GatewayConfig } from '../config/gateway-config';

/** The hub's database with the hub's, the job queue's and the enabled plugins' tables and migrations. */
export function databaseModule(config: GatewayConfig, plugins: LoadedPlugin[]): DynamicModule {
  return TypeOrmModule.forRoot(
    buildDataSourceOptions({
      databaseUrl: config.env.DATABASE_URL,
      dataDir: config.env.DATA_DIR,
      migrate: config.env.DATABASE_MIGRATE,
      entities: [...CORE_ENTITIES, JobRecord, ...plugins.flatMap((p) => p.definition.data?.entities ?? [])],
      extraMigrations: plugins.flatMap((p) => p.definition.data?.migrations ?? []),
    }),
  );
}
