import { DataSource } from 'typeorm';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
import type { AddJobOptions, JobQueue } from '../job-queue';
import { SqlJobQueue } from '../sql/sql-job-queue';
import { JobRecord } from '../sql/job-record.entity';
import { JobOutbox } from './job-outbox';
import { JobOutboxEntry } from './job-outbox-entry.entity';

/** The real SQL queue behind a switch that makes it fail, as a Redis that is down would. */
class Breakable implements JobQueue {
  down = false;
  adds: string[] = [];
  constructor(private readonly inner: JobQueue) {}
  async add(name: string, payload: unknown, options?: AddJobOptions) {
    if (this.down) throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
    this.adds.push(options?.jobId ?? name);
    return this.inner.add(name, payload, options);
  }
  async cancel(jobId: string) {
    if (this.down) throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
    return this.inner.cancel(jobId);
  }
  process: JobQueue['process'] = (name, handler) => this.inner.process(name, handler);
  schedule: JobQueue['schedule'] = (...args) => this.inner.schedule(...args);
  unschedule: JobQueue['unschedule'] = (...args) => this.inner.unschedule(...args);
  start = () => this.inner.start();
  stop = () => this.inner.stop();
  failed = (limit?: number) => this.inner.failed(limit);
  removeFailed = (before: Date, limit: number) => this.inner.removeFailed(before, limit);
}

describe('the job outbox: a change and its jobs committed together', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let queue: Breakable;
  const outboxes: JobOutbox[] = [];
  const outbox = () => {
    const created = new JobOutbox(dataSource, queue, { pollMs: 50 });
    outboxes.push(created);
    return created;
  };
  const waiting = () => dataSource.getRepository(JobOutboxEntry).count();
  const queued = (id: string) => dataSource.getRepository(JobRecord).findOneBy({ id });

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openTestDataSource(database, [JobRecord, JobOutboxEntry]);
    queue = new Breakable(new SqlJobQueue(dataSource, { pollMs: 60_000 }));
  });
  afterEach(async () => {
    await Promise.all(outboxes.splice(0).map((o) => o.stop()));
    queue.down = false;
    queue.adds = [];
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('relays a committed intent to the queue and forgets it', async () => {
    const box = outbox();
    await dataSource.transaction((tx) =>
      box.add(
        tx,
        'sla-alarm',
        { caseId: 'c-1' },
        { jobId: 'alarm:c-1', runAt: new Date('2026-12-04T16:00:00Z') },
      ),
    );
    expect(await box.relay()).toBe(1);
    expect(await queued('alarm:c-1')).toMatchObject({
      name: 'sla-alarm',
      payload: JSON.stringify({ caseId: 'c-1' }),
    });
    expect((await queued('alarm:c-1'))!.runAt.toISOString()).toBe('2026-12-04T16:00:00.000Z');
    expect(await waiting()).toBe(0);
  });

  it('never relays what a rolled-back change asked for', async () => {
    const box = outbox();
    await expect(
      dataSource.transaction(async (tx) => {
        await box.add(tx, 'notify-group', { caseId: 'c-2' }, { jobId: 'notify:c-2' });
        throw new Error('the case change failed');
      }),
    ).rejects.toThrow('the case change failed');
    expect(await box.relay()).toBe(0);
    expect(await queued('notify:c-2')).toBeNull();
  });

  it('keeps the intent while the queue is down, and hands it over once when it is back', async () => {
    const box = outbox();
    await dataSource.transaction((tx) => box.add(tx, 'sla-alarm', { caseId: 'c-3' }, { jobId: 'alarm:c-3' }));
    queue.down = true;
    expect(await box.relay()).toBe(0);
    expect(await waiting()).toBe(1);
    box.start();
    await new Promise((r) => setTimeout(r, 200));
    expect(await queued('alarm:c-3')).toBeNull();
    queue.down = false;
    for (let i = 0; i < 100 && (await waiting()) > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await waiting()).toBe(0);
    expect(await queued('alarm:c-3')).not.toBeNull();
    expect(queue.adds.filter((id) => id === 'alarm:c-3')).toEqual(['alarm:c-3']);
  });

  it('relays cancels in commit order after the add they undo', async () => {
    const box = outbox();
    await dataSource.transaction((tx) =>
      box.add(
        tx,
        'sla-alarm',
        { caseId: 'c-4' },
        { jobId: 'alarm:c-4', runAt: new Date(Date.now() + 60_000) },
      ),
    );
    await dataSource.transaction((tx) => box.cancel(tx, 'alarm:c-4'));
    expect(await box.relay()).toBe(2);
    expect(await queued('alarm:c-4')).toBeNull();
  });

  it('adds a job once when two relays (two processes) race for the same intents', async () => {
    const [a, b] = [outbox(), outbox()];
    await dataSource.transaction(async (tx) => {
      for (let i = 0; i < 20; i++)
        await a.add(
          tx,
          'sla-alarm',
          { caseId: `r-${i}` },
          { jobId: `alarm:r-${i}`, runAt: new Date(Date.now() + 60_000) },
        );
    });
    await Promise.all([a.relay(), b.relay()]);
    expect(await waiting()).toBe(0);
    const jobs = await dataSource.getRepository(JobRecord).find();
    expect(jobs.filter((j) => j.id.startsWith('alarm:r-')).length).toBe(20);
  });
});
