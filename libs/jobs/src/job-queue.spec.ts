import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
import { BullMqJobQueue } from './bullmq/bullmq-job-queue';
import { testRedis } from './testing';
import type { JobQueue, QueuedJob } from './job-queue';
import { JobRecord } from './sql/job-record.entity';
import { SqlJobQueue } from './sql/sql-job-queue';

/** Polls until `done()` holds, at most `timeoutMs`: waiting for an event, with a bound. */
async function waitFor(done: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) throw new Error('timed out waiting for the jobs');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** What the shared suite needs from an adapter: queues on one store, time, and a way to let due jobs run. */
interface AdapterHarness {
  queue(): JobQueue;
  /** Moves time forward by `ms` (a hand-moved clock, or real waiting for BullMQ's own timers). */
  later(ms: number): Date;
  /** Lets every started queue run what is due, then waits until `done()`. */
  settle(done: () => boolean): Promise<void>;
  teardown(): Promise<void>;
}

function sqlHarness(): () => Promise<AdapterHarness> {
  return async () => {
    const database: TestDatabase = await createTestDatabase();
    const dataSource = await openTestDataSource(database, [JobRecord]);
    let now = Date.parse('2026-11-24T09:00:00Z');
    const queues: SqlJobQueue[] = [];
    return {
      queue: () => {
        const queue = new SqlJobQueue(dataSource, {
          now: () => new Date(now),
          retryBaseMs: 1000,
          pollMs: 60_000,
        });
        queues.push(queue);
        return queue;
      },
      later: (ms) => {
        now += ms;
        return new Date(now);
      },
      settle: async (done) => {
        // Every worker polls at once, as two processes would.
        await Promise.all(queues.map((q) => q.runDueJobs()));
        await waitFor(done, 1000);
      },
      teardown: async () => {
        for (const q of queues) await q.stop();
        await dataSource.destroy();
        await database.drop();
      },
    };
  };
}

function bullMqHarness(redisUrl: string): () => Promise<AdapterHarness> {
  return async () => {
    const queueName = `test-${randomUUID().slice(0, 8)}`;
    const queues: BullMqJobQueue[] = [];
    return {
      queue: () => {
        const queue = new BullMqJobQueue({ redisUrl, queueName, retryBaseMs: 50 });
        queues.push(queue);
        return queue;
      },
      later: (ms) => new Date(Date.now() + Math.min(ms, 300)),
      settle: (done) => waitFor(done, 10_000),
      teardown: async () => {
        for (const q of queues) await q.stop();
        const cleaner = new BullMqJobQueue({ redisUrl, queueName });
        await cleaner.obliterate();
        await cleaner.stop();
      },
    };
  };
}

function describeJobQueue(adapter: string, makeHarness: () => Promise<AdapterHarness>): void {
  describe(`job queue: ${adapter}`, () => {
    let harness: AdapterHarness;
    beforeEach(async () => {
      harness = await makeHarness();
    });
    afterEach(() => harness.teardown());

    const recorder = () => {
      const runs: QueuedJob[] = [];
      return { runs, handler: async (job: QueuedJob) => void runs.push(job) };
    };

    it('runs a due job once, with its payload', async () => {
      const queue = harness.queue();
      const { runs, handler } = recorder();
      queue.process('sla-alarm', handler);
      await queue.start();
      await queue.add('sla-alarm', { caseId: 'c-1' });
      await harness.settle(() => runs.length === 1);
      expect(runs.map((r) => [r.name, r.payload, r.attempt])).toEqual([['sla-alarm', { caseId: 'c-1' }, 1]]);
    });

    it('runs a delayed job only once it is due', async () => {
      const queue = harness.queue();
      const { runs, handler } = recorder();
      queue.process('sla-alarm', handler);
      await queue.start();
      const due = harness.later(0);
      await queue.add('sla-alarm', { caseId: 'c-2' }, { runAt: new Date(due.getTime() + 250) });
      if (adapter === 'SQL') {
        await harness.settle(() => true);
        expect(runs).toHaveLength(0);
      }
      harness.later(250);
      await harness.settle(() => runs.length === 1);
      expect(runs[0].payload).toEqual({ caseId: 'c-2' });
    });

    it('adds a job with the same id only once', async () => {
      const queue = harness.queue();
      const { runs, handler } = recorder();
      queue.process('sla-alarm', handler);
      const runAt = harness.later(200);
      await queue.add('sla-alarm', { n: 1 }, { jobId: 'alarm-c-3', runAt });
      await queue.add('sla-alarm', { n: 2 }, { jobId: 'alarm-c-3', runAt });
      await queue.start();
      harness.later(200);
      await harness.settle(() => runs.length >= 1);
      await queue.add('sla-alarm', { n: 3 }, { jobId: 'other' });
      await harness.settle(() => runs.length >= 2);
      expect(runs.filter((r) => r.id === 'alarm-c-3').map((r) => r.payload)).toEqual([{ n: 1 }]);
    });

    it('never runs a cancelled job', async () => {
      const queue = harness.queue();
      const { runs, handler } = recorder();
      queue.process('sla-alarm', handler);
      await queue.start();
      await queue.add(
        'sla-alarm',
        { caseId: 'closed' },
        { jobId: 'alarm:closed', runAt: new Date(harness.later(0).getTime() + 3_600_000) },
      );
      expect(await queue.cancel('alarm:closed')).toBe(true);
      expect(await queue.cancel('alarm:closed')).toBe(false);
      await queue.add('sla-alarm', { caseId: 'open' });
      await harness.settle(() => runs.length === 1);
      expect(runs.map((r) => r.payload)).toEqual([{ caseId: 'open' }]);
    });

    it('retries a job that throws, with backoff, and lands it in failed after its tries', async () => {
      const queue = harness.queue();
      const attempts: number[] = [];
      queue.process('flaky', async (job) => {
        attempts.push(job.attempt);
        if (job.attempt < 2) throw new Error('SMTP down');
      });
      queue.process('broken', async () => {
        throw new Error('always broken');
      });
      await queue.start();
      await queue.add('flaky', {}, { attempts: 3 });
      await queue.add('broken', {}, { attempts: 2, jobId: 'broken:1' });
      await harness.settle(() => attempts.length >= 1);
      harness.later(1000);
      await harness.settle(() => attempts.length >= 2);
      harness.later(2000);
      await harness.settle(() => true);
      let failed = await queue.failed();
      for (let i = 0; i < 50 && failed.length === 0; i++) {
        harness.later(2000);
        await harness.settle(() => true);
        failed = await queue.failed();
      }
      expect(attempts).toEqual([1, 2]);
      expect(failed.map((f) => [f.id, f.name, f.attempts, f.error])).toEqual([
        ['broken:1', 'broken', 2, 'always broken'],
      ]);

      // Retention: a failed job is removed only once it failed before the cutoff.
      const failedAt = failed[0]!.failedAt.getTime();
      expect(await queue.removeFailed(new Date(failedAt - 1000), 100)).toBe(0);
      expect((await queue.failed()).map((f) => f.id)).toEqual(['broken:1']);
      expect(await queue.removeFailed(new Date(failedAt + 1), 100)).toBe(1);
      expect(await queue.failed()).toEqual([]);
    });

    it('runs each job on exactly one of two workers', async () => {
      const producer = harness.queue();
      const counts = new Map<string, number>();
      const count = async (job: QueuedJob) => void counts.set(job.id, (counts.get(job.id) ?? 0) + 1);
      const [a, b] = [harness.queue(), harness.queue()];
      a.process('digest', count);
      b.process('digest', count);
      await a.start();
      await b.start();
      for (let i = 0; i < 20; i++) await producer.add('digest', { i }, { jobId: `digest-${i}` });
      await harness.settle(() => counts.size === 20);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
    });

    it('stop() waits for the job that is running, and the stopped queue runs nothing more', async () => {
      const producer = harness.queue();
      const consumer = harness.queue();
      const started: number[] = [];
      const finished: number[] = [];
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      consumer.process('import', async (job) => {
        const n = (job.payload as { n: number }).n;
        started.push(n);
        await gate;
        finished.push(n);
      });
      await consumer.start();
      await producer.add('import', { n: 1 });
      const settling = harness.settle(() => started.length === 1);
      await waitFor(() => started.length === 1, 10_000);
      let stopped = false;
      const stopping = consumer.stop().then(() => (stopped = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(stopped).toBe(false);
      release();
      await stopping;
      await settling;
      expect(finished).toEqual([1]);
      await producer.add('import', { n: 2 });
      harness.later(60_000);
      await harness.settle(() => true);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(started).toEqual([1]);
    });

    it('runs a recurring job once per interval, with two processes scheduling and consuming it', async () => {
      const everyMs = adapter === 'SQL' ? 3_600_000 : 600;
      const [a, b] = [harness.queue(), harness.queue()];
      const runs: string[] = [];
      for (const q of [a, b]) q.process('plugin-job', async (job) => void runs.push(job.id));
      await a.start();
      await b.start();
      const scheduleFrom = (q: JobQueue) =>
        q.schedule(
          'waste-collection:import-export',
          'plugin-job',
          { plugin: 'waste-collection' },
          {
            everyMs,
            runOnStart: true,
          },
        );
      const startedAt = Date.now();
      await Promise.all([scheduleFrom(a), scheduleFrom(b)]);
      await harness.settle(() => runs.length >= 1);
      // A third process starting (a gateway restarted) adds no run to this interval.
      await scheduleFrom(harness.queue());
      if (adapter === 'SQL') {
        await harness.settle(() => true);
        expect(runs).toHaveLength(1);
        for (let interval = 1; interval <= 3; interval++) {
          harness.later(everyMs);
          await harness.settle(() => runs.length === interval + 1);
        }
        await harness.settle(() => true);
        expect(runs).toHaveLength(4);
      } else {
        await waitFor(() => runs.length >= 4, 10_000);
        const intervals = Math.floor((Date.now() - startedAt) / everyMs);
        expect(runs.length).toBeLessThanOrEqual(intervals + 1);
      }
      expect(new Set(runs).size).toBe(runs.length);
      await a.unschedule('waste-collection:import-export');
      const afterUnschedule = runs.length;
      harness.later(everyMs * 2);
      await harness.settle(() => true);
      await new Promise((resolve) => setTimeout(resolve, adapter === 'SQL' ? 0 : everyMs * 2));
      expect(runs.length).toBeLessThanOrEqual(afterUnschedule + (adapter === 'SQL' ? 1 : 0));
    });

    it('starts a recurring job without runOnStart one interval later', async () => {
      const everyMs = adapter === 'SQL' ? 3_600_000 : 700;
      const queue = harness.queue();
      const runs: number[] = [];
      queue.process('digest', async () => void runs.push(Date.now()));
      await queue.start();
      const scheduledAt = Date.now();
      await queue.schedule('digest:weekly', 'digest', {}, { everyMs });
      await harness.settle(() => true);
      if (adapter !== 'SQL') await new Promise((resolve) => setTimeout(resolve, everyMs / 2));
      expect(runs).toEqual([]);
      harness.later(everyMs);
      await harness.settle(() => runs.length === 1);
      if (adapter !== 'SQL') expect(runs[0] - scheduledAt).toBeGreaterThanOrEqual(everyMs - 50);
      await queue.unschedule('digest:weekly');
    });

    it('keeps a pending job across a restart and runs it after', async () => {
      const before = harness.queue();
      await before.add('sla-alarm', { caseId: 'c-9' }, { runAt: new Date(harness.later(0).getTime() + 200) });
      await before.stop();
      const after = harness.queue();
      const { runs, handler } = recorder();
      after.process('sla-alarm', handler);
      await after.start();
      harness.later(200);
      await harness.settle(() => runs.length === 1);
      expect(runs[0].payload).toEqual({ caseId: 'c-9' });
    });
  });
}

describeJobQueue('SQL', sqlHarness());

describe('job queue: SQL, after stop()', () => {
  it('never polls the database again, even once it is closed (no poll racing teardown)', async () => {
    const database = await createTestDatabase();
    const dataSource = await openTestDataSource(database, [JobRecord]);
    const queue = new SqlJobQueue(dataSource, { pollMs: 5 });
    const errors: unknown[] = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((...args: unknown[]) => void errors.push(args));
    const claims = jest.spyOn(dataSource.getRepository(JobRecord), 'createQueryBuilder');
    try {
      queue.process('import', async () => undefined);
      await queue.start();
      await waitFor(() => claims.mock.calls.length > 0, 2000);
      await queue.stop();
      await dataSource.destroy();
      const callsAtStop = claims.mock.calls.length;
      await new Promise((resolve) => setTimeout(resolve, 100));
      await expect(queue.runDueJobs()).resolves.toBe(0);
      expect(claims.mock.calls.length).toBe(callsAtStop);
      expect(errors).toEqual([]);
      await expect(queue.start()).rejects.toThrow('stopped');
    } finally {
      jest.restoreAllMocks();
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.drop();
    }
  });
});

// The BullMQ half needs a Redis: CI starts one (REDIS_URL); locally REDIS_URL or a
// redis-server on PATH. Without either, a developer's `npm test` runs the SQL half and says so.
const redisAvailable =
  Boolean(process.env.REDIS_URL) || spawnSync('redis-server', ['--version']).status === 0;
if (redisAvailable) {
  let redis: Awaited<ReturnType<typeof testRedis>>;
  beforeAll(async () => {
    redis = await testRedis();
  });
  afterAll(() => redis?.stop());
  describeJobQueue('BullMQ on Redis', async () => {
    if (!redis) throw new Error('Redis did not start');
    return bullMqHarness(redis.url)();
  });
} else {
  console.warn(
    'libs/jobs: no Redis (set REDIS_URL or apt-get install redis-server): the BullMQ adapter suite did not run.',
  );
}
