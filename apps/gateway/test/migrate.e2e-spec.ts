import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestDatabase, startHub, type TestDatabase, type TestHub } from '@frontdoor/testing';

const ROOT = resolve(__dirname, '../../..');
const onPostgres = Boolean(process.env.DATABASE_URL);

/** `npm run migrate` as a deployment's migration step runs it. */
function runMigrate(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/gateway/src/migrate.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

function wasteConfig(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'fd-migrate-config-')), 'frontdoor.config.json');
  writeFileSync(
    path,
    JSON.stringify({
      plugins: {
        'waste-collection': {
          connection: { baseUrl: 'http://127.0.0.1:9/waste/', auth: { scheme: 'api-key', key: 'k' } },
        },
      },
    }),
  );
  return path;
}

describe('migrations as a deployment step, and shared by replicas', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(() => database.drop());

  it('npm run migrate applies the hub’s and the plugins’ migrations; a gateway with DATABASE_MIGRATE=false then starts', async () => {
    const env = { ...database.env, FRONTDOOR_CONFIG: wasteConfig() } as Record<string, string>;
    const runs = await Promise.all(onPostgres ? [runMigrate(env), runMigrate(env)] : [runMigrate(env)]);
    for (const run of runs) expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const outputs = runs.map((r) => r.stdout.trim()).sort();
    expect(outputs[0]).toMatch(/^Applied \d+ migrations: .*CreateWasteTables/);
    if (onPostgres) expect(outputs[1]).toBe('No pending migrations.');
    expect((await runMigrate(env)).stdout.trim()).toBe('No pending migrations.');

    const hub = await startHub({ plugins: {}, env: { ...database.env, DATABASE_MIGRATE: 'false' } });
    try {
      expect(await hub.dataSource.showMigrations()).toBe(false);
    } finally {
      await hub.close();
    }
  }, 60_000);

  (onPostgres ? it : it.skip)(
    'two gateways started at the same moment on an empty PostgreSQL both come up',
    async () => {
      const hubs: TestHub[] = [];
      try {
        const started = await Promise.allSettled(
          [0, 1].map(() => startHub({ plugins: {}, env: { ...database.env } }).then((hub) => hubs.push(hub))),
        );
        expect(started.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled']);
        for (const hub of hubs)
          expect((await hub.graphql('{ plugins { id } }')).data).toEqual({ plugins: [] });
      } finally {
        for (const hub of hubs) await hub.close();
      }
    },
    60_000,
  );
  if (!onPostgres)
    console.warn(
      'apps/gateway: replicas racing to migrate is a PostgreSQL test (DATABASE_URL unset): skipped.',
    );
});
