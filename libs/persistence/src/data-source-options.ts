import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { ALL_MIGRATIONS } from './migrations';

export interface DatabaseSettings {
  /** PostgreSQL connection URL; unset means the embedded SQLite file. */
  databaseUrl?: string;
  /** Folder for the SQLite file, created when missing. */
  dataDir: string;
  /** Apply pending migrations at start-up (turn off when a deploy step runs them). */
  migrate: boolean;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  /** Migrations beyond the hub's own (plugins' tables). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  extraMigrations?: Function[];
}

/**
 * The one place that chooses between the two databases. Both run the same migrations;
 * `synchronize` is never used, so the schema a test sees is the schema production gets.
 */
export function buildDataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  const common = {
    entities: settings.entities,
    migrations: [...ALL_MIGRATIONS, ...(settings.extraMigrations ?? [])],
    migrationsRun: settings.migrate,
    synchronize: false as const,
    // Never on: TypeORM's own logger prints each statement with its parameters (personal data);
    // a failed statement reaches the hub's log as an error, without them (query-error-fields.ts).
    logging: false,
  };
  if (settings.databaseUrl) {
    return { ...common, type: 'postgres', url: settings.databaseUrl };
  }
  mkdirSync(settings.dataDir, { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: join(settings.dataDir, 'frontdoor.sqlite'),
    enableWAL: true,
  };
}
