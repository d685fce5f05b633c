import { randomUUID } from 'node:crypto';
import { LessThan, type DataSource } from 'typeorm';
import { PluginJobRun } from './plugin-job-run.entity';

/** Claims of runs older than this are pruned: far longer than any interval a job is scheduled at. */
const KEEP_CLAIMS_MS = 90 * 24 * 3_600_000;

/**
 * At most one start per scheduled run of a plugin job, across every process that runs jobs.
 * The queue delivers a run at least once: BullMQ re-runs a job whose lock lapsed (a worker
 * that died, or one that finished while Redis was away and could not say so), and the import
 * would then run twice in one interval. The first process to start a run claims its id in the
 * database; any later delivery of that id finds the claim and skips. A run whose claimant died
 * mid-way is not started again: like a failed run, the next interval's run does the work.
 */
export class PluginJobRuns {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Whether this caller holds the run: true once per run id, whoever asks and however often. */
  async claim(runId: string, plugin: string, job: string): Promise<boolean> {
    const claimant = randomUUID();
    const claimedAt = this.now();
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(PluginJobRun)
      .values({ runId, plugin, job, claimant, claimedAt })
      .orIgnore()
      .execute();
    const holder = await this.dataSource.getRepository(PluginJobRun).findOneBy({ runId });
    if (holder?.claimant !== claimant) return false;
    await this.dataSource
      .getRepository(PluginJobRun)
      .delete({ claimedAt: LessThan(new Date(claimedAt.getTime() - KEEP_CLAIMS_MS)) });
    return true;
  }
}
