export {
  DEFAULT_ATTEMPTS,
  retryDelayMs,
  type JobQueue,
  type QueuedJob,
  type AddJobOptions,
  type FailedJob,
  type JobHandler,
} from './job-queue';
export { SqlJobQueue, type SqlJobQueueOptions } from './sql/sql-job-queue';
export { JobRecord } from './sql/job-record.entity';
export { JobOutbox, type OutboxAddOptions } from './outbox/job-outbox';
export { JobOutboxEntry } from './outbox/job-outbox-entry.entity';
import { JobRecord } from './sql/job-record.entity';
import { JobOutboxEntry } from './outbox/job-outbox-entry.entity';
/** The tables the job port keeps in the hub's database: the SQL queue, and the outbox. */
export const JOB_ENTITIES = [JobRecord, JobOutboxEntry];
// BullMqJobQueue is reached through createJobQueue only, so that BullMQ loads only with Redis.
export type { BullMqJobQueueOptions } from './bullmq/bullmq-job-queue';
export { createJobQueue, type JobQueueSettings } from './create-job-queue';
