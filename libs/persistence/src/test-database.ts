import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';

/** A database of its own for one test file: a temp SQLite folder, or a fresh PostgreSQL database when DATABASE_URL is set. */
export interface TestDatabase {
  kind: 'sqlite' | 'postgres';
  /** Env entries to hand the gateway config. */
  env: { DATA_DIR: string; DATABASE_URL?: string };
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'frontdoor-test-'));
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    return {
      kind: 'sqlite',
      env: { DATA_DIR: dataDir },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `frontdoor_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await withAdmin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  // pg is loaded here, not at the top: this module is in the package's index, which production loads.
  const { Client } = await import('pg');
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A DataSource on a test database with the hub's migrations run, open; the caller destroys it. */
export async function openTestDataSource(
  database: TestDatabase,
  entities: NonNullable<DataSourceOptions['entities']>,
): Promise<DataSource> {
  const dataSource = new DataSource(
    buildDataSourceOptions({
      databaseUrl: database.env.DATABASE_URL,
      dataDir: database.env.DATA_DIR,
      migrate: true,
      entities,
    }),
  );
  return dataSource.initialize();
}
