export { startWorker, type RunningWorker } from './create-worker';
export { jsonLogger, workerJsonLogger } from './json-logger';
