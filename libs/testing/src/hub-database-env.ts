import type { TestHub } from './test-hub';

/**
 * The environment naming the database a test hub was started with (DATABASE_URL for
 * PostgreSQL, DATA_DIR for SQLite), for another process or host of the same installation.
 */
export function hubDatabaseEnv(hub: TestHub): Record<string, string> {
  const options = hub.dataSource.options as { type: string; url?: string; database?: string };
  if (options.type === 'postgres') return { DATABASE_URL: options.url! };
  return { DATA_DIR: options.database!.replace(/\/frontdoor\.sqlite$/, '') };
}
