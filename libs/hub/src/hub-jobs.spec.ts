import type { DataSource } from 'typeorm';
import type { HubConfig } from '@frontdoor/config';
import { HubMetrics, PluginJobRuns, PluginJobScheduler } from '@frontdoor/core';
import type { JobQueue } from '@frontdoor/jobs';
import { createTestDatabase, openDataSource, type TestDatabase } from '@frontdoor/persistence';
import { hubDataSourceOptions } from './hub-data-source';
import { HubJobs } from './hub-jobs';
import { LoggingMailer } from './hub-mailer';
import { retentionDataSourceOptions } from './retention-source';

/** Records what the hub asks of a queue; runs nothing. */
function recordingQueue() {
  const calls: string[] = [];
  const processed: string[] = [];
  const added: { name: string; runAt?: Date }[] = [];
  const queue = {
    process: (name: string) => void (processed.push(name), calls.push(`process ${name}`)),
    start: async () => void calls.push('start'),
    stop: async () => void calls.push('stop'),
    add: async (name: string, _payload: unknown, options?: { runAt?: Date }) => {
      added.push({ name, runAt: options?.runAt });
      calls.push(`add ${name}`);
      return name;
    },
    schedule: async (id: string) => void calls.push(`schedule ${id}`),
    unschedule: async () => undefined,
  } as unknown as JobQueue;
  return { queue, calls, processed, added };
}

// The database of this file: SQLite, or one of its own on PostgreSQL with DATABASE_URL (the
// entities' column types follow DATABASE_URL, so the hub's options must point at the same kind).
let database: TestDatabase;
const config = {
  env: {
    DATABASE_MIGRATE: true,
    CITIZEN_PAGE_URL: 'http://127.0.0.1:4000/mina-arenden/',
  },
  serviceTargets: { firstLineResolutionShare: 0.7, answerWithinWorkingDays: 2, answeredInTimeShare: 0.9 },
  retention: {},
} as unknown as HubConfig;

let dataSource: DataSource;
beforeAll(async () => {
  database = await createTestDatabase();
  Object.assign(config.env, database.env);
  dataSource = await openDataSource(hubDataSourceOptions(config, []));
});
afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

function hubJobs(queue: JobQueue, now = () => new Date()) {
  return new HubJobs({
    config,
    dataSource,
    queue,
    mailer: new LoggingMailer(),
    now,
    pluginJobs: new PluginJobScheduler([], new HubMetrics(), new PluginJobRuns(dataSource)),
  });
}

describe('HubJobs', () => {
  it('registers every job of the hub before the queue starts, then queues the recurring ones', async () => {
    const { queue, calls, processed } = recordingQueue();
    await hubJobs(queue).start();
    expect(processed.sort()).toEqual([
      'case.monthly-statistics',
      'case.notify-answer-group',
      'case.notify-citizen',
      'case.sla-alarm',
      'case.survey-invite',
      'case.wake-up',
      'case.weekly-overdue-digest',
      'plugin.job',
      'retention.nightly',
      'statistics.avoidable-contacts',
      'statistics.rollup',
    ]);
    const started = calls.indexOf('start');
    expect(calls.slice(0, started).every((call) => call.startsWith('process '))).toBe(true);
    expect(calls.slice(started + 1)).toEqual([
      'add case.weekly-overdue-digest',
      'add case.monthly-statistics',
      'add statistics.avoidable-contacts',
      'add retention.nightly',
      'schedule statistics.rollup',
    ]);
  });

  it('schedules by the clock it is given, not the wall clock', async () => {
    const { queue, added } = recordingQueue();
    await hubJobs(queue, () => new Date('2030-03-04T12:00:00Z')).start();
    // The next Monday 07:00 and the next 02:00 after the given clock's Monday noon.
    expect(added.find((a) => a.name === 'case.weekly-overdue-digest')!.runAt).toEqual(
      new Date('2030-03-11T06:00:00Z'),
    );
    expect(added.find((a) => a.name === 'retention.nightly')!.runAt).toEqual(
      new Date('2030-03-05T01:00:00Z'),
    );
    // The first working day of April 2030 (the 1st is a Monday), 07:00 in Stockholm.
    expect(added.find((a) => a.name === 'statistics.avoidable-contacts')!.runAt).toEqual(
      new Date('2030-04-01T05:00:00Z'),
    );
  });

  it('stops the queue even when it never started it (it holds a connection for adding jobs)', async () => {
    const { queue, calls } = recordingQueue();
    await hubJobs(queue).stop();
    expect(calls).toEqual(['stop']);
  });
});

describe('retentionDataSourceOptions', () => {
  it('connects as the retention role with one connection and never migrates', () => {
    expect(retentionDataSourceOptions('postgres://retention@db/frontdoor', [])).toMatchObject({
      type: 'postgres',
      url: 'postgres://retention@db/frontdoor',
      migrationsRun: false,
      poolSize: 1,
    });
  });
});
