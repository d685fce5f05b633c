export { buildDataSourceOptions, type DatabaseSettings } from './data-source-options';
export { databaseKind, type DatabaseKind } from './database-kind';
export { InstantColumn, binaryColumnType, instantColumnType } from './columns';
export { ALL_MIGRATIONS } from './migrations';
export { createTestDatabase, openTestDataSource, type TestDatabase } from './test-database';
export { openDataSource, runMigrationsLocked, MIGRATION_LOCK_KEY } from './migrate';
export { withoutQueryValues } from './query-error-fields';
