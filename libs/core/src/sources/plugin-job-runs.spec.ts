import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { JobHandler, JobQueue } from '@frontdoor/jobs';
import { createTestDatabase, openTestDataSource, type TestDatabase } from '@frontdoor/persistence';
import { HubMetrics } from '../metrics/hub-metrics';
import { PluginJobRun } from './plugin-job-run.entity';
import { PluginJobRuns } from './plugin-job-runs';
import { PLUGIN_JOB, PluginJobScheduler } from './plugin-job-scheduler';
import type { PluginRuntime } from './plugin-runtime';

let database: TestDatabase;
let dataSource: DataSource;
/** What the scheduler logged as skipped (its "finished" lines are silenced). */
let skipped: unknown[][] = [];
beforeEach(() => {
  skipped = [];
  jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  jest.spyOn(Logger.prototype, 'warn').mockImplementation((...args: unknown[]) => void skipped.push(args));
});
afterEach(() => jest.restoreAllMocks());
beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = await openTestDataSource(database, [PluginJobRun]);
});
afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

/** One process that runs jobs: a scheduler over a plugin whose one job counts its runs. */
async function workerProcess(runs: { count: number }) {
  const runtime = {
    id: 'waste-collection',
    plugin: {
      settings: { jobs: {} },
      definition: {
        jobs: [
          { name: 'import-export', everyMinutes: 60, run: async () => ({ summary: `run ${++runs.count}` }) },
        ],
      },
    },
    call: async (_operation: string, run: (ctx: Record<string, unknown>) => Promise<unknown>) => ({
      ok: true,
      value: await run({ data: {} }),
    }),
  } as unknown as PluginRuntime;
  let processor: JobHandler<{ plugin: string; job: string }> | undefined;
  const queue = {
    process: (name: string, handler: JobHandler<{ plugin: string; job: string }>) => {
      if (name === PLUGIN_JOB) processor = handler;
    },
    schedule: async () => undefined,
    unschedule: async () => undefined,
  } as unknown as JobQueue;
  await new PluginJobScheduler([runtime], new HubMetrics(), new PluginJobRuns(dataSource)).start(queue);
  return (runId: string) =>
    processor!({
      id: runId,
      name: PLUGIN_JOB,
      attempt: 1,
      payload: { plugin: 'waste-collection', job: 'import-export' },
    });
}

describe('a scheduled plugin job run', () => {
  it('starts once when the queue delivers it again, to the same process or another', async () => {
    const runs = { count: 0 };
    const [first, second] = [await workerProcess(runs), await workerProcess(runs)];
    // A lock that lapsed while Redis was away: BullMQ hands the finished run to the other worker.
    await first('repeat:plugin:waste-collection:import-export:1000');
    await second('repeat:plugin:waste-collection:import-export:1000');
    await first('repeat:plugin:waste-collection:import-export:1000');
    expect(runs.count).toBe(1);
    expect(skipped).toEqual([
      [
        {
          plugin: 'waste-collection',
          job: 'import-export',
          run: 'repeat:plugin:waste-collection:import-export:1000',
        },
        'plugin job run delivered again after it was started; skipped',
      ],
      [
        {
          plugin: 'waste-collection',
          job: 'import-export',
          run: 'repeat:plugin:waste-collection:import-export:1000',
        },
        'plugin job run delivered again after it was started; skipped',
      ],
    ]);
    // Two workers taking the same delivery at the same moment: one runs it.
    await Promise.all([
      first('repeat:plugin:waste-collection:import-export:2000'),
      second('repeat:plugin:waste-collection:import-export:2000'),
    ]);
    expect(runs.count).toBe(2);
    // The next interval is a run of its own.
    await second('repeat:plugin:waste-collection:import-export:3000');
    expect(runs.count).toBe(3);
  });

  it('keeps one claim per run and prunes claims older than 90 days', async () => {
    const old = new PluginJobRuns(dataSource, () => new Date('2026-01-01T00:00:00Z'));
    expect(await old.claim('run-old', 'p', 'j')).toBe(true);
    const now = new PluginJobRuns(dataSource, () => new Date('2026-12-04T00:00:00Z'));
    expect(await now.claim('run-new', 'p', 'j')).toBe(true);
    expect(await now.claim('run-new', 'p', 'j')).toBe(false);
    const ids = (await dataSource.getRepository(PluginJobRun).find()).map((r) => r.runId);
    expect(ids).toContain('run-new');
    expect(ids).not.toContain('run-old');
  });
});
