import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';
import { ALL_MIGRATIONS } from './migrations';
import { openDataSource } from './migrate';
import { createTestDatabase } from './test-database';

const onPostgres = Boolean(process.env.DATABASE_URL);
if (!onPostgres)
  console.warn(
    'libs/persistence: concurrent migrations are a PostgreSQL question (DATABASE_URL unset): the migration-lock test did not run.',
  );

(onPostgres ? describe : describe.skip)('migrations shared by replicas (PostgreSQL advisory lock)', () => {
  it('lets two processes migrate a fresh database at the same moment, each migration applied once', async () => {
    const database = await createTestDatabase();
    const options = buildDataSourceOptions({
      databaseUrl: database.env.DATABASE_URL,
      dataDir: database.env.DATA_DIR,
      migrate: true,
      entities: [],
    });
    const opened: DataSource[] = [];
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 3 }, () => openDataSource(options).then((ds) => opened.push(ds))),
      );
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      const applied = (await opened[0].query('SELECT name FROM migrations ORDER BY id')) as {
        name: string;
      }[];
      expect(applied.map((m) => m.name)).toEqual(ALL_MIGRATIONS.map((m) => m.name));
      expect(await opened[0].showMigrations()).toBe(false);
    } finally {
      for (const ds of opened) await ds.destroy();
      await database.drop();
    }
  });
});
