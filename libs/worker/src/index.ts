export { startWorker, type RunningWorker } from './create-worker';
