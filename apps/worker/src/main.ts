import { Logger } from '@nestjs/common';
import { ConfigError, loadGatewayConfig } from '@frontdoor/gateway';
import { JsonLogger, startWorker } from '@frontdoor/worker';

const config = (() => {
  try {
    return loadGatewayConfig();
  } catch (error) {
    console.error(`Frontdoor worker cannot start.\n${(error as Error).message}`);
    process.exit(1);
  }
})();
// JSON lines as the gateway writes them (level as a number), for the same alerting.
Logger.overrideLogger(JsonLogger.create(config.env.LOG_LEVEL));

startWorker(config).then(
  (worker) => {
    const logger = new Logger('Worker');
    // SIGTERM: take no new job, let the running ones finish (BullMQ hands back what it has not
    // started), close the database and Redis, exit 0.
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => {
        logger.log({ signal }, 'worker stopping: running jobs finish, no new ones taken');
        worker.stop().then(
          () => {
            logger.log('worker stopped');
            process.exit(0);
          },
          (error: unknown) => {
            logger.error({ err: error }, 'worker stop failed');
            process.exit(1);
          },
        );
      });
  },
  (error: unknown) => {
    console.error(
      `Frontdoor worker cannot start.\n${error instanceof ConfigError ? error.message : (error as Error).message}`,
    );
    process.exit(1);
  },
);
