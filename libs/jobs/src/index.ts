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
export { BullMqJobQueue, type BullMqJobQueueOptions } from './bullmq/bullmq-job-queue';
export { createJobQueue, type JobQueueSettings } from './create-job-queue';
export { testRedis } from './bullmq/redis-test-server';
