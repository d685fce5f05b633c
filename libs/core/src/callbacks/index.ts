export { CallbackRequest, CallbackAttempt, CallbackCase, CallbackStatus } from './callback.entities';
export {
  parsePlatformCallbackRequest,
  openingHoursProblem,
  swedishNumber,
  CALLBACK_SOURCES,
  type CallbackSource,
  type CallbackRequestInput,
  type CallbackProblem,
} from './callback-request';
export { isOpenAt, nextOpeningAt, openingHoursOf, stockholmClock } from './opening-hours';
export {
  CallbackQueue,
  CallbackRefused,
  CallbackOutcomeRefused,
  CALLBACK_OUTCOMES,
  type CallbackOutcome,
} from './callback-queue';
export {
  callbackStatistics,
  callbackStatisticsCsvRows,
  type QueueCallbackFigures,
} from './callback-statistics';
