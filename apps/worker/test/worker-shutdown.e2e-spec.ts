import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { startTestSmtpServer } from '@frontdoor/core/testing';
import { testRedis } from '@frontdoor/jobs/testing';
import { createTestDatabase } from '@frontdoor/testing';

const ROOT = resolve(__dirname, '../../..');
const redisAvailable =
  Boolean(process.env.REDIS_URL) || spawnSync('redis-server', ['--version']).status === 0;
if (!redisAvailable)
  console.warn(
    'apps/worker: no Redis (set REDIS_URL or apt-get install redis-server): the worker shutdown test did not run.',
  );

(redisAvailable ? describe : describe.skip)('the worker process on SIGTERM', () => {
  it('stops taking jobs, closes the database and Redis, and exits 0 without errors', async () => {
    const redis = await testRedis();
    const smtp = await startTestSmtpServer();
    const database = await createTestDatabase();
    try {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          ...database.env,
          REDIS_URL: redis!.url,
          REDIS_QUEUE: `test-${randomBytes(4).toString('hex')}`,
          SMTP_URL: smtp.url,
          NODE_ENV: 'production',
          AUTH_PUBLIC_KEY:
            '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----',
          AUTH_ISSUER: 'https://idp.test',
        },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const exited = new Promise<{ code: number | null; signal: string | null }>((done) =>
        child.on('exit', (code, signal) => done({ code, signal })),
      );
      const until = Date.now() + 30_000;
      while (!stdout.includes('worker started')) {
        if (child.exitCode !== null || Date.now() > until) throw new Error(`worker did not start: ${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      child.kill('SIGTERM');
      expect(await exited).toEqual({ code: 0, signal: null });
      expect(stderr).toBe('');
      expect(stdout).toContain('worker stopped');
      expect(stdout).not.toMatch(/ERROR/);
    } finally {
      await database.drop();
      await smtp.close();
      await redis?.stop();
    }
  }, 60_000);
});
