export { HubJobs, type HubJobsOptions } from './hub-jobs';
export { HubClock } from './hub-clock';
export { hubDataSourceOptions } from './hub-data-source';
export { createHubQueue } from './hub-queue';
export { createHubMailer, type HubMailer } from './hub-mailer';
export { createPluginRuntimes, type PluginClocks } from './plugin-runtimes';
export { loggableErrors } from './loggable-errors';
