import type { DataSource } from 'typeorm';
import type { JobQueue } from './job-queue';
import { SqlJobQueue } from './sql/sql-job-queue';

export interface JobQueueSettings {
  /** Set: BullMQ on this Redis. Unset: the SQL-backed queue in the hub's database. */
  redisUrl?: string;
  queueName?: string;
  pollMs?: number;
  /** The clock due times are measured by. */
  now?: () => Date;
}

/**
 * The one place that chooses the job-queue adapter. BullMQ (and ioredis) are loaded only when
 * Redis is named: on the embedded SQL queue they would be ~5 MB of heap for nothing
 * (docs/performance.md, idle RSS).
 */
export async function createJobQueue(settings: JobQueueSettings, dataSource: DataSource): Promise<JobQueue> {
  if (!settings.redisUrl) return new SqlJobQueue(dataSource, { pollMs: settings.pollMs, now: settings.now });
  const { BullMqJobQueue } = await import('./bullmq/bullmq-job-queue');
  return new BullMqJobQueue({
    redisUrl: settings.redisUrl,
    queueName: settings.queueName,
    now: settings.now,
  });
}
