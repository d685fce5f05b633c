import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { LoadedPlugin } from '@frontdoor/core';
import { hubDataSourceOptions } from '@frontdoor/hub';
import { openDataSource } from '@frontdoor/persistence';
import type { GatewayConfig } from '../platform/config/gateway-config';

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
