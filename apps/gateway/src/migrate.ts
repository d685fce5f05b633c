import { PluginLoadError } from '@frontdoor/core';
import { ConfigError, loadGatewayConfig, migrateDatabase } from '@frontdoor/gateway';

/** `npm run migrate`: the hub's and the configured plugins' migrations, then exit (docs/configuration.md). */
migrateDatabase(loadGatewayConfig()).then(
  (applied) => {
    console.log(
      applied.length
        ? `Applied ${applied.length} migrations: ${applied.join(', ')}`
        : 'No pending migrations.',
    );
    process.exit(0);
  },
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof PluginLoadError;
    console.error(
      `Frontdoor migrations failed.\n${known ? (error as Error).message : String((error as Error)?.stack ?? error)}`,
    );
    process.exit(1);
  },
);
