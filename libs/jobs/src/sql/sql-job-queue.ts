import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { In, LessThan, type DataSource, type Repository } from 'typeorm';
import {
  DEFAULT_ATTEMPTS,
  retryDelayMs,
  type AddJobOptions,
  type FailedJob,
  type JobHandler,
  type JobQueue,
  type RecurringJobOptions,
} from '../job-queue';

/** Ids of the runs of recurring jobs: `schedule:<schedulerId>@<interval number>`. */
const SCHEDULED = 'schedule:';
const runId = (schedulerId: string, slot: number) => `${SCHEDULED}${schedulerId}@${slot}`;

interface Recurring {
  name: string;
  payload: unknown;
  options: RecurringJobOptions;
}
import { JobRecord } from './job-record.entity';

export interface SqlJobQueueOptions {
  /** How often a started queue looks for due jobs. */
  pollMs?: number;
  /** How long a running job is leased to this worker before another may take it over. */
  leaseMs?: number;
  /** The clock jobs are due by (tests move it by hand). */
  now?: () => Date;
  retryBaseMs?: number;
  workerId?: string;
  /** Jobs this worker runs at once (default 4). */
  concurrency?: number;
}

/**
 * The job queue in the hub's own database (embedded default). Durable: jobs are rows, so
 * they survive a restart. Each due job is claimed with a conditional UPDATE, so two
 * workers on one database never run the same job at once.
 */
export class SqlJobQueue implements JobQueue {
  private readonly logger = new Logger('SqlJobQueue');
  private readonly jobs: Repository<JobRecord>;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly workerId: string;
  private timer?: NodeJS.Timeout;
  private draining?: Promise<number>;
  /** Set by stop(): no poll starts, and no lane claims another job, after it. */
  private stopped = false;
  private started = false;
  private readonly recurring = new Map<string, Recurring>();

  constructor(
    dataSource: DataSource,
    private readonly options: SqlJobQueueOptions = {},
  ) {
    this.jobs = dataSource.getRepository(JobRecord);
    this.workerId = options.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async add(name: string, payload: unknown, options: AddJobOptions = {}): Promise<string> {
    const id = options.jobId ?? randomUUID();
    await this.jobs
      .createQueryBuilder()
      .insert()
      .values({
        id,
        name,
        payload: JSON.stringify(payload ?? null),
        state: 'waiting',
        runAt: options.runAt ?? this.now(),
        attempts: 0,
        maxAttempts: options.attempts ?? DEFAULT_ATTEMPTS,
        lastError: null,
        lockedBy: null,
        lockedUntil: null,
        updatedAt: this.now(),
      })
      .orIgnore()
      .execute();
    return id;
  }

  async cancel(jobId: string): Promise<boolean> {
    const result = await this.jobs.delete({ id: jobId, state: 'waiting' });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Time is cut into intervals of `everyMs` since the epoch; the run of interval n has the id
   * `schedule:<id>@n`, inserted with ON CONFLICT DO NOTHING and kept as `done` after it ran.
   * So every process may add the current and the next interval's run as often as it likes:
   * there is one row per (schedule, interval), and the claim runs it once.
   */
  async schedule(
    schedulerId: string,
    name: string,
    payload: unknown,
    options: RecurringJobOptions,
  ): Promise<void> {
    this.recurring.set(schedulerId, { name, payload, options });
    await this.addRecurringRuns(schedulerId);
    // A run due now (runOnStart) starts now rather than at the next poll.
    // After the drain in flight, if any: it may have looked before these rows were there.
    if (this.started && !this.stopped)
      void (this.draining ?? Promise.resolve(0))
        .catch(() => 0)
        .then(() => this.runDueJobs())
        .catch((error) => {
          if (!this.stopped) this.logger.error({ err: error }, 'job poll failed');
        });
  }

  async unschedule(schedulerId: string): Promise<void> {
    this.recurring.delete(schedulerId);
    await this.jobs
      .createQueryBuilder()
      .delete()
      .where('id LIKE :prefix AND state = :state', {
        prefix: `${SCHEDULED}${schedulerId}@%`,
        state: 'waiting',
      })
      .execute();
  }

  private async addRecurringRuns(schedulerId: string): Promise<void> {
    const entry = this.recurring.get(schedulerId);
    if (!entry) return;
    const { everyMs, runOnStart, attempts } = entry.options;
    const slot = Math.floor(this.now().getTime() / everyMs);
    const slots = runOnStart ? [slot, slot + 1] : [slot + 1];
    for (const n of slots) {
      await this.add(entry.name, entry.payload, {
        jobId: runId(schedulerId, n),
        runAt: new Date(Math.max(n * everyMs, this.now().getTime())),
        attempts,
      });
    }
    // Runs older than the previous interval can no longer be added again: forget them.
    await this.jobs
      .createQueryBuilder()
      .delete()
      .where('name = :name AND state = :state AND run_at < :cutoff AND id LIKE :prefix', {
        name: entry.name,
        state: 'done',
        cutoff: new Date((slot - 1) * everyMs),
        prefix: `${SCHEDULED}${schedulerId}@%`,
      })
      .execute();
  }

  process<TPayload>(name: string, handler: JobHandler<TPayload>): void {
    this.handlers.set(name, handler as JobHandler);
  }

  async start(): Promise<void> {
    if (this.stopped) throw new Error('a stopped job queue cannot be started again; create a new one');
    this.started = true;
    const pollMs = this.options.pollMs ?? 1000;
    // The next poll is armed only when the last one has finished, and never after stop():
    // an interval timer fired into a closed database during shutdown (issue 12). The first
    // poll is at once, so what is due at start (a plugin's runOnStart import) runs at start.
    const poll = (delayMs: number) => {
      this.timer = setTimeout(() => {
        void this.runDueJobs()
          .catch((error) => {
            if (!this.stopped) this.logger.error({ err: error }, 'job poll failed');
          })
          .finally(() => {
            if (!this.stopped) poll(pollMs);
          });
      }, delayMs);
      this.timer.unref();
    };
    poll(0);
  }

  /**
   * Stops polling and waits for the jobs that are running to finish; claims nothing more.
   * Call it before the database closes: afterwards the queue never touches the database again.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.draining?.catch(() => undefined);
  }

  /**
   * Runs every job that is due now (by this queue's clock), one at a time; resolves with how
   * many ran. A stopped queue runs nothing (0).
   */
  runDueJobs(): Promise<number> {
    if (this.stopped) return this.draining ?? Promise.resolve(0);
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  private async drain(): Promise<number> {
    for (const schedulerId of this.recurring.keys()) await this.addRecurringRuns(schedulerId);
    let ran = 0;
    const next = () => (this.stopped ? Promise.resolve(null) : this.claimNext());
    const lane = async () => {
      for (let job = await next(); job; job = await next()) {
        await this.execute(job);
        ran++;
      }
    };
    await Promise.all(Array.from({ length: this.options.concurrency ?? 4 }, lane));
    return ran;
  }

  private async claimNext(): Promise<JobRecord | null> {
    const now = this.now();
    const names = [...this.handlers.keys()];
    if (!names.length) return null;
    const candidates = await this.jobs
      .createQueryBuilder('job')
      .where('job.name IN (:...names)', { names })
      .andWhere(
        '((job.state = :waiting AND job.run_at <= :now) OR (job.state = :active AND job.locked_until < :now))',
        { waiting: 'waiting', active: 'active', now },
      )
      .orderBy('job.run_at', 'ASC')
      .take(5)
      .getMany();
    for (const candidate of candidates) {
      // Claimed only if nobody claimed it since we read it: every claim bumps `attempts`.
      const leaseUntil = new Date(now.getTime() + (this.options.leaseMs ?? 300_000));
      const claimed = await this.jobs
        .createQueryBuilder()
        .update()
        .set({
          state: 'active',
          lockedBy: this.workerId,
          lockedUntil: leaseUntil,
          attempts: candidate.attempts + 1,
          updatedAt: now,
        })
        .where('id = :id AND state = :state AND attempts = :attempts', {
          id: candidate.id,
          state: candidate.state,
          attempts: candidate.attempts,
        })
        .execute();
      if ((claimed.affected ?? 0) === 1)
        return { ...candidate, state: 'active', attempts: candidate.attempts + 1 };
    }
    return null;
  }

  private async execute(job: JobRecord): Promise<void> {
    const handler = this.handlers.get(job.name)!;
    try {
      await handler({ id: job.id, name: job.name, payload: JSON.parse(job.payload), attempt: job.attempts });
      if (job.id.startsWith(SCHEDULED))
        await this.jobs.update(
          { id: job.id, lockedBy: this.workerId },
          { state: 'done', lockedBy: null, lockedUntil: null, updatedAt: this.now() },
        );
      else await this.jobs.delete({ id: job.id, lockedBy: this.workerId });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const exhausted = job.attempts >= job.maxAttempts;
      await this.jobs.update(
        { id: job.id, lockedBy: this.workerId },
        {
          state: exhausted ? 'failed' : 'waiting',
          runAt: exhausted
            ? job.runAt
            : new Date(this.now().getTime() + retryDelayMs(job.attempts, this.options.retryBaseMs)),
          lastError: message.slice(0, 2000),
          lockedBy: null,
          lockedUntil: null,
          updatedAt: this.now(),
        },
      );
      this.logger.warn(
        { job: job.name, id: job.id, attempt: job.attempts, exhausted, reason: message.slice(0, 300) },
        'job failed',
      );
    }
  }

  async failed(limit = 100): Promise<FailedJob[]> {
    const rows = await this.jobs.find({
      where: { state: 'failed' },
      order: { updatedAt: 'DESC' },
      take: limit,
    });
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      attempts: r.attempts,
      error: r.lastError ?? '',
      failedAt: r.updatedAt,
    }));
  }

  async removeFailed(before: Date, limit: number): Promise<number> {
    const rows = await this.jobs.find({
      select: { id: true },
      where: { state: 'failed', updatedAt: LessThan(before) },
      take: limit,
    });
    if (rows.length) await this.jobs.delete({ id: In(rows.map((r) => r.id)), state: 'failed' });
    return rows.length;
  }

  /** For tests and admin views: jobs waiting to run, soonest first. */
  waiting(): Promise<JobRecord[]> {
    return this.jobs.find({ where: { state: 'waiting' }, order: { runAt: 'ASC' } });
  }
}
