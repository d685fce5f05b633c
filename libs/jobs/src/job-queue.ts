/** A job as a processor sees it. */
export interface QueuedJob<TPayload = unknown> {
  id: string;
  name: string;
  payload: TPayload;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
}

export interface AddJobOptions {
  /** Run no earlier than this; now when absent. */
  runAt?: Date;
  /**
   * A stable id that makes `add` idempotent: while a job with this id exists (waiting,
   * running or failed), adding it again does nothing. Also the id `cancel` takes.
   */
  jobId?: string;
  /** Tries before the job lands in the failed state (default 5). */
  attempts?: number;
}

/** A recurring job (a plugin's nightly import): see `JobQueue.schedule`. */
export interface RecurringJobOptions {
  /** The interval: one run per interval, whichever process runs it. */
  everyMs: number;
  /**
   * Also run at once when the schedule has not run yet: in the SQL queue, when nobody ran it
   * in the current interval; on BullMQ, when the schedule is first created. Without it the
   * first run is one interval away.
   */
  runOnStart?: boolean;
  /** Tries per run (default 5). */
  attempts?: number;
}

export interface FailedJob {
  id: string;
  name: string;
  attempts: number;
  error: string;
  failedAt: Date;
}

export type JobHandler<TPayload = unknown> = (job: QueuedJob<TPayload>) => Promise<void>;

/**
 * The job-queue port: the domain schedules work (an SLA alarm at a due time, a weekly
 * digest) without knowing where it runs. Two adapters: a queue in the hub's own database
 * (the embedded default) and BullMQ on Redis (production, workers in their own processes).
 * Delivery is at least once: a processor must tolerate running again after a crash.
 */
export interface JobQueue {
  add(name: string, payload: unknown, options?: AddJobOptions): Promise<string>;
  /** Removes a job that has not started; true when one was removed. */
  cancel(jobId: string): Promise<boolean>;
  /**
   * Registers a recurring job under a stable id, idempotently: however many gateways and
   * workers call it, each interval gets one run (SQL: one row per (schedule, interval),
   * claimed once; BullMQ: a job scheduler). Changing the interval takes effect at once.
   */
  schedule(schedulerId: string, name: string, payload: unknown, options: RecurringJobOptions): Promise<void>;
  /** Removes a recurring job (a job turned off in config); its waiting run is removed too. */
  unschedule(schedulerId: string): Promise<void>;
  /** Registers the processor for a job name; only processes that call `start` run jobs. */
  process<TPayload>(name: string, handler: JobHandler<TPayload>): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Jobs that used up their tries, newest first: for admins. */
  failed(limit?: number): Promise<FailedJob[]>;
  /**
   * Removes up to `limit` failed jobs that failed before `before` (retention: a failed job's
   * payload can name a case or a citizen); returns how many it removed.
   */
  removeFailed(before: Date, limit: number): Promise<number>;
}

/** Exponential backoff between tries: 1 s, 2 s, 4 s, … capped at 10 minutes. */
export function retryDelayMs(attempt: number, baseMs = 1000): number {
  return Math.min(baseMs * 2 ** (attempt - 1), 600_000);
}

export const DEFAULT_ATTEMPTS = 5;
