import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadHubConfig } from '@frontdoor/config';
import type { createHubQueue as CreateHubQueue } from '@frontdoor/hub';
import { testRedis } from '@frontdoor/jobs/testing';
import { hubDatabaseEnv, startHub, type TestHub } from '@frontdoor/testing';
import { startWorker, type RunningWorker } from '@frontdoor/worker';

/** The job names each queue the hub built in this test was given processors for, in order of creation. */
const mockRegistered: string[][] = [];

// Both hosts build their queue with createHubQueue: record what each registers on it.
jest.mock('@frontdoor/hub', () => {
  const hub = jest.requireActual<typeof import('@frontdoor/hub')>('@frontdoor/hub');
  const createHubQueue: typeof CreateHubQueue = async (...args) => {
    const queue = await hub.createHubQueue(...args);
    const names: string[] = [];
    mockRegistered.push(names);
    const process = queue.process.bind(queue);
    queue.process = (name, handler) => {
      names.push(name);
      process(name, handler);
    };
    return queue;
  };
  return { ...hub, createHubQueue };
});

const redisAvailable =
  Boolean(process.env.REDIS_URL) || spawnSync('redis-server', ['--version']).status === 0;
if (!redisAvailable)
  console.warn(
    'apps/worker: no Redis (set REDIS_URL or apt-get install redis-server): same-jobs did not run.',
  );

if (redisAvailable)
  describe('the gateway and the worker host the same jobs (HubJobs)', () => {
    let redis: Awaited<ReturnType<typeof testRedis>>;
    let hub: TestHub;
    let worker: RunningWorker | undefined;

    beforeAll(async () => {
      redis = await testRedis();
    });
    afterAll(async () => {
      await worker?.stop();
      await hub?.close();
      await redis?.stop();
    });

    it('registers the same job names in the embedded gateway and in the worker', async () => {
      hub = await startHub({ plugins: {} }); // JOBS_IN_PROCESS: the gateway runs jobs itself
      const [gateway] = mockRegistered;
      worker = await startWorker(
        loadHubConfig({
          ...hubDatabaseEnv(hub),
          REDIS_URL: redis!.url,
          REDIS_QUEUE: `test-${randomBytes(4).toString('hex')}`,
          // Nothing is mailed in this test; the worker only requires a relay to be named.
          SMTP_URL: 'smtp://127.0.0.1:2525',
        }),
      );
      const [, inWorker] = mockRegistered;
      expect(mockRegistered).toHaveLength(2);
      expect([...inWorker].sort()).toEqual([...gateway].sort());
      expect(gateway).toEqual(
        expect.arrayContaining(['case.sla-alarm', 'case.wake-up', 'retention.nightly', 'plugin.job']),
      );
    });
  });
