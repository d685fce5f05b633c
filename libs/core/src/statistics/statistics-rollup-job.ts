import type { JobQueue } from '@frontdoor/jobs';
import { STATISTICS_ROLLUP_EVERY_MS, STATISTICS_ROLLUP_JOB } from './statistics-rollup';

/**
 * The statistics roll-up on the job port: every few minutes (a recurring job, one run per
 * interval however many processes schedule it), the settled days not yet rolled up and the
 * rolled-up days with a changed case are counted again (rollUpStatistics).
 */
export class StatisticsRollupJob {
  constructor(
    private readonly run: () => Promise<{ days: string[] }>,
    private readonly log: (days: string[]) => void = () => {},
  ) {}

  register(queue: JobQueue): void {
    queue.process(STATISTICS_ROLLUP_JOB, async () => {
      const { days } = await this.run();
      if (days.length) this.log(days);
    });
  }

  schedule(queue: JobQueue): Promise<void> {
    return queue.schedule(
      STATISTICS_ROLLUP_JOB,
      STATISTICS_ROLLUP_JOB,
      {},
      {
        everyMs: STATISTICS_ROLLUP_EVERY_MS,
        runOnStart: true,
      },
    );
  }
}
