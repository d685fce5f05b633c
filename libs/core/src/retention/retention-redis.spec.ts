import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createJobQueue, JOB_ENTITIES, type JobQueue } from '@frontdoor/jobs';
import { testRedis } from '@frontdoor/jobs/testing';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
import { RetentionRun } from './retention-run.entity';
import { retentionSettingsSchema, runRetention } from './retention';

const DAY = 86_400_000;

// Failed jobs kept by BullMQ in Redis are past their period like the SQL queue's (issue 14).
// Needs a Redis: CI starts one (REDIS_URL); locally a redis-server on PATH.
const redisAvailable =
  Boolean(process.env.REDIS_URL) || spawnSync('redis-server', ['--version']).status === 0;
(redisAvailable ? describe : describe.skip)('retention of failed jobs on BullMQ', () => {
  let redis: Awaited<ReturnType<typeof testRedis>>;
  let database: TestDatabase;
  let dataSource: DataSource;
  let queue: JobQueue;
  const settings = retentionSettingsSchema.parse({ failedJobsDays: 90, batchSize: 2 });

  beforeAll(async () => {
    redis = await testRedis();
    database = await createTestDatabase();
    dataSource = await openTestDataSource(database, [...JOB_ENTITIES, RetentionRun]);
    queue = await createJobQueue(
      { redisUrl: redis!.url, queueName: `retention-${randomUUID().slice(0, 8)}` },
      dataSource,
    );
    queue.process('broken', async () => {
      throw new Error('always broken');
    });
    await queue.start();
    for (let i = 0; i < 5; i++) await queue.add('broken', { n: i }, { attempts: 1, jobId: `broken:${i}` });
    for (let i = 0; i < 100 && (await queue.failed()).length < 5; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
  });
  afterAll(async () => {
    await queue?.stop();
    await dataSource?.destroy();
    await database?.drop();
    await redis?.stop();
  });

  it('keeps failed jobs younger than the period, removes them in batches once past it, and counts them', async () => {
    expect((await queue.failed()).map((f) => f.id).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `broken:${i}`));

    const today = await runRetention(dataSource, settings, new Date(), queue);
    expect(today.removed.job).toBe(0);
    expect(await queue.failed()).toHaveLength(5);

    // 91 days on, the cutoff (90 days back) is a day after they failed: all five go, 2 + 2 + 1.
    const later = await runRetention(dataSource, settings, new Date(Date.now() + 91 * DAY), queue);
    expect(later.removed.job).toBe(5);
    expect(await queue.failed()).toEqual([]);
    const recorded = await dataSource.getRepository(RetentionRun).find({ where: { kind: 'job' } });
    expect(recorded.map((r) => r.removed).sort()).toEqual([0, 5]);
  });
});
