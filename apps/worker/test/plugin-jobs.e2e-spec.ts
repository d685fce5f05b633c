import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { startTestSmtpServer } from '@frontdoor/core/testing';
import { loadHubConfig } from '@frontdoor/config';
import { testRedis } from '@frontdoor/jobs/testing';
import { wasteCollectionPlugin } from '@frontdoor/plugin-waste-collection';
import {
  hubDatabaseEnv,
  sandboxConnection,
  startHub,
  startSandbox,
  type SandboxHandle,
  type TestHub,
} from '@frontdoor/testing';
import { startWorker, type RunningWorker } from '@frontdoor/worker';

const redisAvailable =
  Boolean(process.env.REDIS_URL) || spawnSync('redis-server', ['--version']).status === 0;
if (!redisAvailable)
  console.warn(
    'apps/worker: no Redis (set REDIS_URL or apt-get install redis-server): the plugin-jobs suite did not run.',
  );

const loadModule = () => ({ plugin: wasteCollectionPlugin });
const EVERY_MS = 600;

if (redisAvailable)
  describe('plugin jobs on workers (gateways with JOBS_IN_PROCESS=false run none)', () => {
    let redis: Awaited<ReturnType<typeof testRedis>>;
    let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
    let sandbox: SandboxHandle;
    let hub: TestHub;
    const workers: RunningWorker[] = [];
    const queue = `test-${randomBytes(4).toString('hex')}`;
    const plugins = (sandbox: SandboxHandle) => ({
      'waste-collection': {
        cache: { ttlMs: 0, staleIfErrorMs: 0 },
        jobs: { 'import-export': { everyMinutes: EVERY_MS / 60_000 } },
        connection: sandboxConnection(sandbox, 'waste'),
      },
    });
    const imports = async () =>
      Number((await hub.dataSource.query('SELECT COUNT(*) AS n FROM waste_import'))[0].n);

    beforeAll(async () => {
      redis = await testRedis();
      smtp = await startTestSmtpServer();
      sandbox = await startSandbox();
      hub = await startHub({
        sandbox,
        plugins: plugins(sandbox),
        loadModule,
        env: { REDIS_URL: redis!.url, REDIS_QUEUE: queue, JOBS_IN_PROCESS: 'false', SMTP_URL: smtp.url },
      });
    });
    afterAll(async () => {
      for (const worker of workers) await worker.stop();
      await hub?.close();
      await sandbox?.close();
      await smtp?.close();
      await redis?.stop();
    });

    it('imports the waste export exactly once per interval with two workers racing, answered by the gateway', async () => {
      // The gateway alone runs nothing, however long it waits.
      await new Promise((resolve) => setTimeout(resolve, EVERY_MS * 2));
      expect(await imports()).toBe(0);

      const config = loadHubConfig({
        ...hubDatabaseEnv(hub),
        FRONTDOOR_CONFIG: hub.configPath,
        REDIS_URL: redis!.url,
        REDIS_QUEUE: queue,
        SMTP_URL: smtp.url,
        LOG_LEVEL: 'silent',
      });
      const startedAt = Date.now();
      workers.push(
        ...(await Promise.all([startWorker(config, { loadModule }), startWorker(config, { loadModule })])),
      );
      const until = Date.now() + 15_000;
      while ((await imports()) < 4) {
        if (Date.now() > until) throw new Error(`only ${await imports()} imports in 15 s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const intervals = Math.floor((Date.now() - startedAt) / EVERY_MS);
      const count = await imports();
      // One run at start (runOnStart), then one per interval: never one per worker.
      expect(count).toBeLessThanOrEqual(intervals + 1);

      const { data, errors } = await hub.graphql<{ person: { statuses: { source: string }[] } }>(
        '{ person(personalNumber: "199001012385") { statuses { source } } }',
      );
      expect(errors).toBeUndefined();
      expect(data!.person.statuses.map((s) => s.source)).toContain('waste-collection');
    }, 30_000);
  });
