import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { AddJobOptions, JobQueue } from '../job-queue';
import { JobOutboxEntry } from './job-outbox-entry.entity';

/** An add with the stable id that makes relaying it more than once harmless. */
export type OutboxAddOptions = Omit<AddJobOptions, 'jobId'> & { jobId: string };

/**
 * The transactional outbox: a database change and the jobs it schedules (a group's e-mail,
 * an SLA alarm, its cancellation) are committed together, and relayed to the queue after the
 * commit. A crash, or Redis down between the commit and the enqueue, loses no job: the
 * intent waits in `job_outbox` until a relay gets it into the queue. Relaying twice (two
 * processes, or a crash after the enqueue) adds the job once, by its stable id; processors
 * are at-least-once safe as they already must be.
 */
export class JobOutbox {
  private readonly logger = new Logger('JobOutbox');
  private running?: Promise<number>;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly options: { pollMs?: number; batch?: number; now?: () => Date } = {},
  ) {}

  /** Writes the intent to add a job, in the caller's transaction. */
  async add(tx: EntityManager, name: string, payload: unknown, options: OutboxAddOptions): Promise<void> {
    await tx.insert(JobOutboxEntry, {
      id: nextIntentId(),
      action: 'add',
      name,
      payload: JSON.stringify(payload ?? null),
      jobId: options.jobId,
      runAt: options.runAt ?? null,
      attempts: options.attempts ?? null,
      createdAt: this.now(),
    });
  }

  /** Writes the intent to cancel a job that has not run, in the caller's transaction. */
  async cancel(tx: EntityManager, jobId: string): Promise<void> {
    await tx.insert(JobOutboxEntry, {
      id: nextIntentId(),
      action: 'cancel',
      name: '',
      payload: 'null',
      jobId,
      runAt: null,
      attempts: null,
      createdAt: this.now(),
    });
  }

  /**
   * Relays what is waiting, oldest first, until the outbox is empty or the queue fails (then
   * the rest waits for the next try). Resolves with how many were relayed; never rejects.
   * One relay at a time in this process; callers during one share it.
   */
  relay(): Promise<number> {
    this.running ??= this.relayAll().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Relays every `pollMs` (default 1 s) what an earlier relay could not hand over. */
  start(): void {
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      void this.relay().finally(() => {
        if (!this.stopped) this.timer = setTimeout(tick, this.options.pollMs ?? 1000).unref();
      });
    };
    tick();
  }

  /** Stops polling and waits for a relay in flight (before the database closes). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private async relayAll(): Promise<number> {
    let relayed = 0;
    const entries = this.dataSource.getRepository(JobOutboxEntry);
    try {
      for (;;) {
        const batch = await entries.find({
          order: { createdAt: 'ASC', id: 'ASC' },
          take: this.options.batch ?? 100,
        });
        if (!batch.length) return relayed;
        for (const entry of batch) {
          if (entry.action === 'add') {
            await this.queue.add(entry.name, JSON.parse(entry.payload), {
              jobId: entry.jobId,
              runAt: entry.runAt ?? undefined,
              attempts: entry.attempts ?? undefined,
            });
          } else {
            await this.queue.cancel(entry.jobId);
          }
          await entries.delete({ id: entry.id });
          relayed++;
        }
      }
    } catch (error) {
      // The queue (Redis) or the database is down: what is left waits for the next relay.
      if (!this.stopped)
        this.logger.warn({ relayed, reason: (error as Error)?.message }, 'job outbox relay paused');
      return relayed;
    }
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

let lastIntentMs = 0;
let intentsThisMs = 0;

/**
 * An intent's id, ordered as this process wrote them: the relay takes intents by (created_at,
 * id), and an add and the cancel that undoes it may share a millisecond (or a test's standing
 * clock), where a random id would relay the cancel first and leave the job queued. So: the real
 * time in ms (11 hex), a counter within that ms (6 hex), then randomness (36 characters).
 */
function nextIntentId(): string {
  const ms = Date.now();
  if (ms > lastIntentMs) {
    lastIntentMs = ms;
    intentsThisMs = 0;
  } else intentsThisMs++;
  const time = lastIntentMs.toString(16).padStart(11, '0');
  const counter = intentsThisMs.toString(16).padStart(6, '0');
  return `${time}${counter}-${randomUUID().replace(/-/g, '').slice(0, 18)}`;
}
