export {
  telephonySettingsSchema,
  DEFAULT_TELEPHONY_SETTINGS,
  type TelephonySettings,
  type TelephonyQueue,
  type CallbackSettings,
  type OpeningHours,
} from './telephony-settings';
export {
  parseCallEvent,
  CALL_EVENT_KINDS,
  type CallEventKind,
  type CallEventInput,
  type CallEventProblem,
} from './call-event';
export { CallOutcome, summariseCall, type CallSummary } from './call-summary';
export { CallContact, CallEventRecord, CallCase } from './call.entities';
export { CallLog, CURRENT_CALL_MAX_MS, type RecordedCallEvent } from './call-log';
export {
  CallEventRefused,
  CALL_EVENT_FUTURE_MS,
  OFFERED_GRACE_MS,
  checkEventSequence,
  checkEventTime,
} from './call-event-rules';
export { stockholmPeriods, isoWeekOf } from './call-periods';
export {
  callStatistics,
  callFigures,
  callStatisticsCsvRows,
  type CallPeriodSplit,
  type QueueCallFigures,
  type CallCounts,
} from './call-statistics';
export { contactCenterNow, type ContactCenterNow } from './contact-center-now';
