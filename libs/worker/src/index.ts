export { startWorker, type RunningWorker } from './create-worker';
export { JsonLogger } from './json-logger';
