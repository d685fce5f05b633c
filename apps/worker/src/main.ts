import { Logger } from '@nestjs/common';
import { ConfigError, loadHubConfig } from '@frontdoor/config';
import { startWorker, workerJsonLogger } from '@frontdoor/worker';

const config = (() => {
  try {
    return loadHubConfig();
  } catch (error) {
    console.error(`Frontdoor worker cannot start.\n${(error as Error).message}`);
    process.exit(1);
  }
})();
// JSON lines as the gateway writes them (level as a number), for the same alerting.
Logger.overrideLogger(workerJsonLogger(config.env.LOG_LEVEL));

const logger = new Logger('Worker');
const running = startWorker(config);

// SIGTERM: take no new job, let the running ones finish (BullMQ hands back what it has not
// started), close the database and Redis, exit 0. Listened for from the first moment, so a
// signal while the worker is still starting waits for the start, then stops it.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.log({ signal }, 'worker stopping: running jobs finish, no new ones taken');
    running
      .then((worker) => worker.stop())
      .then(
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

running.catch((error: unknown) => {
  console.error(
    `Frontdoor worker cannot start.\n${error instanceof ConfigError ? error.message : (error as Error).message}`,
  );
  process.exit(1);
});
