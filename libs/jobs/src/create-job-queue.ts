import type { DataSource } from 'typeorm';
import { BullMqJobQueue } from './bullmq/bullmq-job-queue';
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

/** The one place that chooses the job-queue adapter. */
export function createJobQueue(settings: JobQueueSettings, dataSource: DataSource): JobQueue {
  return settings.redisUrl
    ? new BullMqJobQueue({ redisUrl: settings.redisUrl, queueName: settings.queueName, now: settings.now })
    : new SqlJobQueue(dataSource, { pollMs: settings.pollMs, now: settings.now });
}
