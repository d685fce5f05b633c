import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CORE_ENTITIES, CaseDigests, CaseNotifications, CaseService, Mailer } from '@frontdoor/core';
import { type GatewayConfig } from '@frontdoor/gateway';
import { JobRecord, createJobQueue, type JobQueue } from '@frontdoor/jobs';
import { buildDataSourceOptions } from '@frontdoor/persistence';

export interface RunningWorker {
  queue: JobQueue;
  stop(): Promise<void>;
}

/**
 * A job worker: the same configuration as the gateways, no HTTP, running the case chain's
 * jobs (group notifications, SLA alarms) from BullMQ on Redis. Gateways add jobs; any
 * number of workers run them, each job on one worker.
 */
export async function startWorker(config: GatewayConfig): Promise<RunningWorker> {
  const logger = new Logger('Worker');
  if (!config.env.REDIS_URL) {
    throw new Error(
      'REDIS_URL: the worker runs jobs from Redis (the embedded default runs them inside the gateway instead)',
    );
  }
  if (!config.env.SMTP_URL)
    throw new Error('SMTP_URL: the worker sends the case chain’s e-mail and needs a mail relay');
  const dataSource = new DataSource(
    buildDataSourceOptions({
      databaseUrl: config.env.DATABASE_URL,
      dataDir: config.env.DATA_DIR,
      migrate: config.env.DATABASE_MIGRATE,
      entities: [...CORE_ENTITIES, JobRecord],
    }),
  );
  await dataSource.initialize();
  const queue = createJobQueue(
    { redisUrl: config.env.REDIS_URL, queueName: config.env.REDIS_QUEUE },
    dataSource,
  );
  const mailer = new Mailer({ smtpUrl: config.env.SMTP_URL, from: config.env.MAIL_FROM });
  new CaseNotifications(dataSource, mailer).register(queue);
  new CaseService(dataSource, queue).registerWakeUps(queue);
  const digests = new CaseDigests(dataSource, mailer, config.serviceTargets);
  digests.register(queue);
  await queue.start();
  await digests.schedule(queue);
  logger.log('worker started');
  return {
    queue,
    stop: async () => {
      await queue.stop();
      mailer.close();
      await dataSource.destroy();
    },
  };
}
