import { DataSource, type DataSourceOptions } from 'typeorm';

/**
 * The PostgreSQL advisory lock every Frontdoor process takes around its migrations: two
 * gateways started at once on an empty database used to race to create the same tables,
 * and one of them died. An arbitrary constant, the same in every version of the hub.
 */
export const MIGRATION_LOCK_KEY = 7_305_417_210;

/**
 * Applies pending migrations one process at a time: on PostgreSQL under a session-level
 * advisory lock (the second process waits, then finds nothing pending); on SQLite, the
 * embedded single process, as they are. Returns the names of the migrations this call applied.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  if (dataSource.options.type !== 'postgres') {
    return (await dataSource.runMigrations({ transaction: 'all' })).map((m) => m.name);
  }
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return (await dataSource.runMigrations({ transaction: 'all' })).map((m) => m.name);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.release();
  }
}

/**
 * Opens a DataSource; when its options ask for migrations (`migrationsRun`, i.e.
 * DATABASE_MIGRATE), applies them under the lock instead of TypeORM's unlocked run.
 */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = new DataSource({ ...options, migrationsRun: false });
  await dataSource.initialize();
  if (options.migrationsRun) {
    try {
      await runMigrationsLocked(dataSource);
    } catch (error) {
      await dataSource.destroy();
      throw error;
    }
  }
  return dataSource;
}
