import type { DataSource } from 'typeorm';
import type { HubConfig } from '@frontdoor/config';
import { createJobQueue, type JobQueue } from '@frontdoor/jobs';

/**
 * The hub's job queue, built alike in every process: BullMQ on REDIS_URL, else the SQL queue
 * in the hub's database; due times measured by the hub's clock.
 */
export function createHubQueue(
  config: Pick<HubConfig, 'env'>,
  dataSource: DataSource,
  now: () => Date,
): Promise<JobQueue> {
  return createJobQueue(
    { redisUrl: config.env.REDIS_URL, queueName: config.env.REDIS_QUEUE, pollMs: 1000, now },
    dataSource,
  );
}
