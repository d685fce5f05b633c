import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { startTestSmtpServer } from '@frontdoor/core/testing';
import { loadHubConfig } from '@frontdoor/config';
import { testRedis } from '@frontdoor/jobs/testing';
import { DEMO_CASE_SETUP, hubDatabaseEnv, startHub, type TestHub } from '@frontdoor/testing';
import { startWorker, type RunningWorker } from '@frontdoor/worker';

const redisAvailable =
  Boolean(process.env.REDIS_URL) || spawnSync('redis-server', ['--version']).status === 0;

if (!redisAvailable)
  console.warn(
    'apps/worker: no Redis (set REDIS_URL or apt-get install redis-server): the worker suite did not run.',
  );

// CI always has Redis; a developer's machine without it runs everything else.
if (redisAvailable)
  describe('a gateway and a separate worker on Redis (the production shape)', () => {
    let redis: Awaited<ReturnType<typeof testRedis>>;
    let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
    let hub: TestHub;
    let worker: RunningWorker | undefined;
    const queue = `test-${randomBytes(4).toString('hex')}`;

    beforeAll(async () => {
      redis = await testRedis();
      smtp = await startTestSmtpServer();
      hub = await startHub({
        plugins: {},
        cases: DEMO_CASE_SETUP,
        env: { REDIS_URL: redis!.url, REDIS_QUEUE: queue, JOBS_IN_PROCESS: 'false', SMTP_URL: smtp.url },
      });
    });
    afterAll(async () => {
      await worker?.stop();
      await hub?.close();
      await smtp?.close();
      await redis?.stop();
    });

    it('the gateway only adds jobs; the worker runs them and the answer group is mailed', async () => {
      const token = await hub.token('agent', 'agent-alva');
      const { data } = await hub.graphql<{ registerContact: { id: string; reference: string } }>(
        'mutation { registerContact(input: { channel: PHONE, categoryKey: "barnomsorgsplats", summary: "Köplats" }) { id reference } }',
        {},
        { token },
      );
      const { id, reference } = data!.registerContact;
      await hub.graphql(
        'mutation($id: ID!) { forwardCase(caseId: $id, answerGroupKey: "forskola", message: "Ring upp") { id } }',
        { id },
        { token },
      );
      expect(smtp.received).toEqual([]);

      // The worker reads the same configuration as the gateway (same database, same Redis queue).
      worker = await startWorker(
        loadHubConfig({
          ...hubDatabaseEnv(hub),
          REDIS_URL: redis!.url,
          REDIS_QUEUE: queue,
          SMTP_URL: smtp.url,
        }),
      );
      const until = Date.now() + 10_000;
      while (!smtp.received.some((m) => m.raw.includes(reference))) {
        if (Date.now() > until) throw new Error('the worker did not send the notification');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(smtp.received.find((m) => m.raw.includes(reference))!.to).toEqual(['forskola@exempelstad.se']);
    });
  });
