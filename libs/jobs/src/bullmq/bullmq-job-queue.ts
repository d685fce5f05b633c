import { Logger } from '@nestjs/common';
import { Queue, Worker, type Job } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import {
  DEFAULT_ATTEMPTS,
  retryDelayMs,
  type AddJobOptions,
  type FailedJob,
  type JobHandler,
  type JobQueue,
  type RecurringJobOptions,
} from '../job-queue';

/** BullMQ refuses ':' in custom job ids (it is Redis's key separator); ids are mapped both ways. */
const toBullId = (id: string) => id.replace(/:/g, '~');
const fromBullId = (id: string) => id.replace(/~/g, ':');

export interface BullMqJobQueueOptions {
  redisUrl: string;
  /** Queue name; one per installation (and per test). */
  queueName?: string;
  concurrency?: number;
  retryBaseMs?: number;
  now?: () => Date;
}

/**
 * The job queue on Redis with BullMQ (production): gateways add jobs, `apps/worker`
 * processes run them, and BullMQ's locks keep one job on one worker at a time.
 */
export class BullMqJobQueue implements JobQueue {
  private readonly logger = new Logger('BullMqJobQueue');
  private readonly queue: Queue;
  private readonly handlers = new Map<string, JobHandler>();
  private worker?: Worker;
  private stopped = false;
  private readonly connection: RedisOptions;

  constructor(private readonly options: BullMqJobQueueOptions) {
    const url = new URL(options.redisUrl);
    this.connection = {
      host: url.hostname,
      port: Number(url.port || 6379),
      password: url.password || undefined,
      db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
      maxRetriesPerRequest: null,
    };
    // The producer fails fast while Redis is away (no offline queue): an add then throws at
    // once, and the caller (the outbox relay) keeps the job for its next try, instead of a
    // GraphQL mutation waiting for Redis to come back. Workers keep retrying forever, as
    // BullMQ requires of them (maxRetriesPerRequest: null).
    this.queue = new Queue(options.queueName ?? 'frontdoor', {
      connection: { ...this.connection, enableOfflineQueue: false, maxRetriesPerRequest: 1 },
    });
    this.queue.on('error', (error) => this.redisTrouble('queue', error));
  }

  private lastTrouble = 0;

  /**
   * Connection errors while Redis is away come many a second: one warn line per 10 s, not a
   * raw stack per retry (and never an unhandled 'error' event).
   */
  private redisTrouble(source: 'queue' | 'worker', error: Error): void {
    if (Date.now() - this.lastTrouble < 10_000) return;
    this.lastTrouble = Date.now();
    this.logger.warn({ source, reason: error.message }, 'job queue: Redis unavailable, retrying');
  }

  private now(): number {
    return (this.options.now?.() ?? new Date()).getTime();
  }

  async add(name: string, payload: unknown, options: AddJobOptions = {}): Promise<string> {
    const job = await this.queue.add(name, payload ?? null, {
      jobId: options.jobId ? toBullId(options.jobId) : undefined,
      delay: options.runAt ? Math.max(0, options.runAt.getTime() - this.now()) : undefined,
      attempts: options.attempts ?? DEFAULT_ATTEMPTS,
      backoff: { type: 'exponential', delay: retryDelayMs(1, this.options.retryBaseMs) },
      removeOnComplete: true,
      removeOnFail: false,
    });
    return fromBullId(job.id!);
  }

  async cancel(jobId: string): Promise<boolean> {
    const job = await this.queue.getJob(toBullId(jobId));
    if (!job) return false;
    const state = await job.getState();
    if (state !== 'waiting' && state !== 'delayed' && state !== 'prioritized') return false;
    await job.remove();
    return true;
  }

  /**
   * A BullMQ job scheduler with this id: Redis holds one schedule and one next run, whoever
   * upserts it and however often (`upsertJobScheduler` is atomic), so each interval runs once.
   * A new scheduler's first run is at once with `runOnStart`, else one interval later; upserting
   * an existing one keeps its rhythm.
   */
  async schedule(
    schedulerId: string,
    name: string,
    payload: unknown,
    options: RecurringJobOptions,
  ): Promise<void> {
    const id = toBullId(schedulerId);
    const existing = await this.queue.getJobScheduler(id);
    const startDate = existing || options.runOnStart ? undefined : new Date(this.now() + options.everyMs);
    if (existing?.every === options.everyMs) return;
    await this.queue.upsertJobScheduler(
      id,
      { every: options.everyMs, ...(startDate ? { startDate } : {}) },
      {
        name,
        data: payload ?? null,
        opts: {
          attempts: options.attempts ?? DEFAULT_ATTEMPTS,
          backoff: { type: 'exponential', delay: retryDelayMs(1, this.options.retryBaseMs) },
          removeOnComplete: true,
          removeOnFail: 100,
        },
      },
    );
  }

  async unschedule(schedulerId: string): Promise<void> {
    await this.queue.removeJobScheduler(toBullId(schedulerId));
  }

  process<TPayload>(name: string, handler: JobHandler<TPayload>): void {
    this.handlers.set(name, handler as JobHandler);
  }

  async start(): Promise<void> {
    this.worker = new Worker(
      this.queue.name,
      async (job: Job) => {
        const handler = this.handlers.get(job.name);
        if (!handler) throw new Error(`no processor for job "${job.name}"`);
        await handler({
          id: fromBullId(job.id!),
          name: job.name,
          payload: job.data,
          attempt: job.attemptsMade + 1,
        });
      },
      {
        // Back after a Redis restart within 2 s, not BullMQ's default of up to 20 s.
        connection: {
          ...this.connection,
          retryStrategy: (times: number) => Math.min(250 * 2 ** times, 2000),
        },
        concurrency: this.options.concurrency ?? 4,
      },
    );
    this.worker.on('failed', (job, error) =>
      this.logger.warn({ job: job?.name, id: job?.id, error: error.message }, 'job failed'),
    );
    this.worker.on('error', (error) => this.redisTrouble('worker', error));
    await this.worker.waitUntilReady();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.closeWorker();
    try {
      await this.queue.close();
    } catch (error) {
      // Redis is away (the producer has no offline queue): nothing to hand back, just let go.
      this.logger.warn({ reason: (error as Error).message }, 'job queue closed without Redis');
      // Bounded: BullMQ's disconnect waits for an 'end' that a reconnecting client never emits.
      await settledWithin(
        this.queue.disconnect().catch(() => undefined),
        2_000,
      );
    }
  }

  /**
   * Lets running jobs finish, for at most 15 s; then (BullMQ's close can wait forever on a
   * connection that is still reconnecting) closes without waiting: what did not finish is
   * handed to another worker by the stalled-job check.
   */
  private async closeWorker(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    if (await settledWithin(worker.close(), 15_000)) return;
    this.logger.warn('job worker did not close within 15 s; closing without waiting');
    await settledWithin(
      worker.close(true).catch(() => undefined),
      5_000,
    );
    await settledWithin(
      worker.disconnect().catch(() => undefined),
      2_000,
    );
  }

  async failed(limit = 100): Promise<FailedJob[]> {
    const jobs = await this.queue.getFailed(0, limit - 1);
    return jobs.map((job) => ({
      id: fromBullId(job.id!),
      name: job.name,
      attempts: job.attemptsMade,
      error: job.failedReason ?? '',
      failedAt: new Date(job.finishedOn ?? job.timestamp),
    }));
  }

  async removeFailed(before: Date, limit: number): Promise<number> {
    // BullMQ's clean counts age back from its own Date.now(), by each job's finishedOn.
    const graceMs = Math.max(0, Date.now() - before.getTime());
    return (await this.queue.clean(graceMs, limit, 'failed')).length;
  }

  /** For tests: removes everything in this queue. */
  async obliterate(): Promise<void> {
    await this.queue.obliterate({ force: true });
  }
}

/**
 * Whether `work` finished within `ms` (it is left running otherwise; a failure is thrown). For BullMQ's
 * close and disconnect, which can wait forever on a connection that is still reconnecting.
 */
async function settledWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      timedOut,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
