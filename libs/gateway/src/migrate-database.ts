import { loadPlugins, type ModuleLoader } from '@frontdoor/core';
import { hubDataSourceOptions } from '@frontdoor/hub';
import { openDataSource, runMigrationsLocked } from '@frontdoor/persistence';
import type { GatewayConfig } from './platform/config/gateway-config';

/**
 * Applies the pending migrations of the hub and of the configured plugins, then closes:
 * `npm run migrate`, the deployment step before gateways started with DATABASE_MIGRATE=false.
 * Under the same advisory lock as a gateway's own migrations, so either way is safe.
 */
export async function migrateDatabase(config: GatewayConfig, loadModule?: ModuleLoader): Promise<string[]> {
  const plugins = loadPlugins(config.plugins, loadModule);
  const dataSource = await openDataSource({ ...hubDataSourceOptions(config, plugins), migrationsRun: false });
  try {
    return await runMigrationsLocked(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
