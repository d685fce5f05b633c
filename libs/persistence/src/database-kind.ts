/** Which of the two supported databases this process talks to. */
export type DatabaseKind = 'sqlite' | 'postgres';

/**
 * Decided by `DATABASE_URL` alone (set: PostgreSQL; unset: the embedded SQLite file), and
 * read once per process: column types are fixed when entity classes load, so one process
 * never speaks to both kinds.
 */
export function databaseKind(env: NodeJS.ProcessEnv = process.env): DatabaseKind {
  return env.DATABASE_URL ? 'postgres' : 'sqlite';
}
