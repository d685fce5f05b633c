import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
import { CORE_ENTITIES } from '../index';

const ROOT = resolve(__dirname, '../../../..');
const APPEND_ONLY = ['audit_record', 'access_change'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name === 'test') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

describe('the audit log is append-only', () => {
  it('has no update or delete path in the code (no repository update/delete/remove, no UPDATE/DELETE SQL)', () => {
    const offenders: string[] = [];
    for (const file of ['libs', 'apps', 'plugins'].flatMap((dir) => sourceFiles(join(ROOT, dir)))) {
      const text = readFileSync(file, 'utf8');
      if (
        /getRepository\((AuditRecord|AccessChange)\)[\s\S]{0,80}?\.(update|delete|remove|softDelete|save|upsert|clear)\(/.test(
          text,
        )
      )
        offenders.push(file);
      if (
        /(UPDATE|DELETE\s+FROM|TRUNCATE)\s+"?(audit_record|access_change)/i.test(text) &&
        !file.includes('/migrations/')
      )
        offenders.push(file);
      // Query-builder deletes by table name; only retention (gallring, its own database role on
      // PostgreSQL: tools/sql/postgres-retention-role.sql) may remove audit rows past their period.
      if (
        /\.delete\(\)\s*\.from\(\s*['"`](audit_record|access_change)/.test(text) &&
        !file.endsWith('libs/core/src/retention/retention.ts')
      )
        offenders.push(file);
      if (
        /this\.records\.(update|delete|remove|save|upsert|clear)\(/.test(text) &&
        file.endsWith('audit.service.ts')
      )
        offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });

  const onPostgres = process.env.DATABASE_URL ? it : it.skip;
  describe('on PostgreSQL, with the documented application role (tools/sql/postgres-app-role.sql)', () => {
    let database: TestDatabase;
    let owner: DataSource;
    const role = `frontdoor_app_${randomBytes(4).toString('hex')}`;

    beforeAll(async () => {
      if (!process.env.DATABASE_URL) return;
      database = await createTestDatabase();
      owner = await openTestDataSource(database, CORE_ENTITIES);
      const script = readFileSync(join(ROOT, 'tools/sql/postgres-app-role.sql'), 'utf8').replaceAll(
        'frontdoor_app',
        role,
      );
      await owner.query(script);
    });
    afterAll(async () => {
      if (!process.env.DATABASE_URL) return;
      await owner?.destroy();
      await database?.drop();
      const admin = new Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP ROLE IF EXISTS ${role}`).finally(() => admin.end());
    });

    onPostgres(
      'lets the application role insert and read audit rows but never update, delete or truncate them',
      async () => {
        const url = new URL(database.env.DATABASE_URL!);
        url.username = role;
        url.password = 'change-me';
        const app = new Client({ connectionString: url.toString() });
        await app.connect();
        try {
          const partyId = randomUUID();
          await app.query('INSERT INTO party (id, personal_number, created_at) VALUES ($1, $2, now())', [
            partyId,
            '199001012385',
          ]);
          await app.query(
            `INSERT INTO audit_record (id, occurred_at, actor_subject, actor_role, party_id, plugins, field_groups, purpose, request_id) VALUES ($1, now(), 'agent-1', 'agent', $2, '[]', '[]', null, 'r-1')`,
            [randomUUID(), partyId],
          );
          expect((await app.query('SELECT count(*)::int AS n FROM audit_record')).rows[0].n).toBe(1);
          for (const table of APPEND_ONLY) {
            for (const statement of [
              `UPDATE ${table} SET actor_subject = 'someone-else'`,
              `DELETE FROM ${table}`,
              `TRUNCATE ${table}`,
            ]) {
              await expect(app.query(statement)).rejects.toMatchObject({ code: '42501' });
            }
          }
          // Ordinary tables stay writable for the hub's work.
          await expect(
            app.query(`UPDATE party SET created_at = now() WHERE id = $1`, [partyId]),
          ).resolves.toBeDefined();
        } finally {
          await app.end();
        }
      },
    );
  });
});
