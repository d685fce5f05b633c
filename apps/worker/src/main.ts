import { ConfigError, loadGatewayConfig } from '@frontdoor/gateway';
import { startWorker } from '@frontdoor/worker';

startWorker(loadGatewayConfig()).then(
  (worker) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => void worker.stop().then(() => process.exit(0)));
  },
  (error: unknown) => {
    console.error(
      `Frontdoor worker cannot start.\n${error instanceof ConfigError ? error.message : (error as Error).message}`,
    );
    process.exit(1);
  },
);
