import { DataSource } from 'typeorm';
import { JOB_ENTITIES, JobRecord, SqlJobQueue } from '@frontdoor/jobs';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
import { CORE_ENTITIES } from '../index';
import { RetentionRun } from './retention-run.entity';
import { RETENTION_JOB, retentionSettingsSchema, runRetention } from './retention';
import { nextRetentionRun, RetentionJob } from './retention-job';

describe('the nightly retention job', () => {
  it.each([
    ['2026-12-01T00:30:00Z', '2026-12-01T01:00:00.000Z'], // 01:30 Stockholm (CET): 02:00 the same night
    ['2026-12-01T01:00:00Z', '2026-12-02T01:00:00.000Z'], // exactly 02:00: the next night
    ['2026-06-15T12:00:00Z', '2026-06-16T00:00:00.000Z'], // summer time (CEST)
  ])('after %s runs at %s (02:00 Swedish time)', (now, next) => {
    expect(nextRetentionRun(new Date(now)).toISOString()).toBe(next);
  });

  let database: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openTestDataSource(database, [...CORE_ENTITIES, ...JOB_ENTITIES]);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('is scheduled once per night on the job queue, runs, records its counts and schedules the next night', async () => {
    let now = new Date('2026-12-01T12:00:00Z');
    const queue = new SqlJobQueue(dataSource, { now: () => now });
    const settings = retentionSettingsSchema.parse({});
    const job = new RetentionJob(
      () => runRetention(dataSource, settings, now),
      () => now,
    );
    job.register(queue);
    await job.schedule(queue);
    await job.schedule(queue); // idempotent
    const waiting = () =>
      dataSource.getRepository(JobRecord).find({ where: { name: RETENTION_JOB, state: 'waiting' } });
    expect((await waiting()).map((j) => j.runAt.toISOString())).toEqual(['2026-12-02T01:00:00.000Z']);
    now = new Date('2026-12-02T01:00:01Z');
    expect(await queue.runDueJobs()).toBe(1);
    expect(await dataSource.getRepository(RetentionRun).count()).toBe(8); // one row per kind
    expect((await waiting()).map((j) => j.runAt.toISOString())).toEqual(['2026-12-03T01:00:00.000Z']);
  });
});
