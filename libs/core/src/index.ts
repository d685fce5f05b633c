export * from './errors';
export { parsePersonalNumber, samePerson, type PersonalNumber } from './people/personal-number';
export { Party } from './people/party.entity';
export { PartyService } from './people/party.service';
export { AuditRecord } from './audit/audit-record.entity';
export { AuditService } from './audit/audit.service';
export {
  AccessLog,
  InvalidAccessLogCursorError,
  READER_KINDS,
  decodeAccessLogCursor,
  encodeAccessLogCursor,
  readerKindOf,
  type AccessLogGroup,
  type AccessLogPage,
  type AccessLogPosition,
  type ReaderKind,
  type Representative,
} from './audit/access-log';
export { AuditTrail, type AuditActor, type OnBehalfOf } from './audit/audit-trail';
export { PurposeTies, type PurposeTieInput } from './audit/purpose-ties';
export * from './representation';
export { HubMetrics } from './metrics/hub-metrics';
export { Mailer, messageIdOf, type MailMessage, type MailSettings } from './mail/mailer';
export { MailDeliveries, MailDeliveryInProgress, MAIL_CLAIM_LEASE_MS } from './mail/mail-deliveries';
export { stockholmDate } from './time/stockholm-date';
export {
  isWorkingDay,
  addWorkingDays,
  workingDaysBetween,
  endOfStockholmDay,
  startOfStockholmDay,
} from './sla/swedish-calendar';
export { serviceDeadline } from './sla/service-deadline';
export { deadlineText, dueDateOf, workingDaysLeftText, workingDaysText } from './sla/deadline-text';
export { pluginSettingsSchema, type PluginSettings } from './sources/plugin-settings';
export { loadPlugins, PluginLoadError, type LoadedPlugin, type ModuleLoader } from './sources/plugin-loader';
export {
  PersonReader,
  PersonRequestReader,
  type ReaderScope,
  type OpenedPerson,
  type SourceReportEntry,
  type RepresentativeClosure,
  CLOSURE_UNCHECKED_REASON,
} from './sources/person-reader';
export { type PersonSourceOutcome } from './sources/person-view';
export { type Protection } from './sources/protection';
export { answerRetention } from './sources/person-answers';
export {
  MemoryPersonAnswerStore,
  RedisPersonAnswerStore,
  type PersonAnswerStore,
  type CachedAnswer,
  type AnswerRetention,
} from './shared-state/person-answer-store';
export { MemoryChangeSignal, RedisChangeSignal, type ChangeSignal } from './shared-state/change-signal';
export { createSharedRedis, whenReady } from './shared-state/shared-redis';
export {
  MemoryHubEvents,
  RedisHubEvents,
  hubEventIterator,
  type HubEvents,
  type HubEventListener,
} from './shared-state/hub-events';
export { DepartmentStatusBoard } from './sources/department-status';
export { PluginRuntime, type CallResult, type DepartmentStatus } from './sources/plugin-runtime';
export { PluginJobScheduler, PLUGIN_JOB, pluginJobSchedulerId } from './sources/plugin-job-scheduler';
export { PluginJobRuns } from './sources/plugin-job-runs';
export { PluginJobRun } from './sources/plugin-job-run.entity';
export { describeZodError, SourceAnswerInvalidError } from '@frontdoor/plugin-sdk';

import { AuditRecord } from './audit/audit-record.entity';
import { AnswerGroup, CaseCategory, CaseEvent, ServiceCase } from './cases/case.entities';
import { AccessChange } from './access/access-change.entity';
import { MandateGrant } from './access/mandate-grant.entity';
import { MandateGrantRequest } from './access/mandate-grant-request.entity';
import { PluginJobRun } from './sources/plugin-job-run.entity';
import { KnowledgeArticle } from './knowledge/knowledge-article.entity';
import { Party } from './people/party.entity';
import { PowerOfAttorney } from './representation/power-of-attorney.entity';
import { RetentionRun } from './retention/retention-run.entity';
import { MailDelivery } from './mail/mail-delivery.entity';
import { EmailAttachment, EmailMessage } from './email-in/email-message.entities';
import { CitizenMessageRecord } from './messaging/citizen-message.entity';
import { CitizenNotificationPreference, Open311Request } from './e-services/open311-request.entity';
import { CallCase, CallContact, CallEventRecord } from './telephony/call.entities';
import { CallbackAttempt, CallbackCase, CallbackRequest } from './callbacks/callback.entities';
import { CallerIdentification } from './identification/caller-identification.entity';
import { StatisticsDaily, StatisticsDay, StatisticsDirtyDay } from './statistics/statistics-rollup.entities';
import { SurveyInvitation } from './survey/survey.entities';
import { OperatingNotice } from './notices/operating-notice.entity';
/** Every entity the core owns, for the data source. */
export const CORE_ENTITIES = [
  Party,
  AuditRecord,
  AnswerGroup,
  CaseCategory,
  ServiceCase,
  CaseEvent,
  KnowledgeArticle,
  MandateGrant,
  MandateGrantRequest,
  AccessChange,
  PluginJobRun,
  RetentionRun,
  MailDelivery,
  EmailMessage,
  EmailAttachment,
  CitizenMessageRecord,
  Open311Request,
  CitizenNotificationPreference,
  CallEventRecord,
  CallContact,
  CallCase,
  CallbackRequest,
  CallbackAttempt,
  CallbackCase,
  CallerIdentification,
  StatisticsDay,
  StatisticsDaily,
  StatisticsDirtyDay,
  SurveyInvitation,
  OperatingNotice,
  PowerOfAttorney,
];
export { OperatingNotice } from './notices/operating-notice.entity';
export { OperatingNotices, NoticeRefused, type NoticeInput } from './notices/operating-notices';
export {
  categorySpikes,
  DEFAULT_SPIKE_RULE,
  type CategorySpike,
  type SpikeRule,
} from './notices/category-spikes';
export { SpikeAlerts, SPIKE_CHECK_JOB, type SpikeRecipient } from './notices/spike-alerts';
export { SurveyInvitation } from './survey/survey.entities';
export {
  SurveyInvitations,
  SURVEY_INVITE_ATTEMPTS,
  SURVEY_INVITE_JOB,
  SURVEY_VALID_DAYS,
  surveyTokenHash,
} from './survey/survey-invitations';
export { surveyRoutes } from './survey/survey-routes';
export {
  SurveyAnswers,
  surveyAnswerSchema,
  type SurveyAnswer,
  type SurveyLinkState,
} from './survey/survey-answers';
export {
  satisfactionIndex,
  type SatisfactionFigure,
  type SatisfactionIndex,
} from './survey/satisfaction-index';
export * from './email-in';
export { Open311Request, CitizenNotificationPreference } from './e-services/open311-request.entity';
export { ContactChannel, CaseStatus, CaseEventType } from './cases/case-vocabulary';
export { AnswerGroup, CaseCategory, ServiceCase, CaseEvent, type GroupMember } from './cases/case.entities';
export { CaseService, type RegisterContactInput } from './cases/case.service';
export { categoryCoverageProblems, answeringPluginByCategory } from './cases/category-coverage';
export { ContactReason, CONTACT_REASON_LABELS, isAvoidableContact } from './cases/contact-reason';
export {
  citizenHeadline,
  citizenSeesEventType,
  citizenViewsOf,
  type CitizenEventView,
  type CitizenLineContext,
} from './cases/citizen-event-view';
export {
  CASE_JOBS,
  alarmJobId,
  wakeJobId,
  type WakeUpPayload,
  type SlaAlarmPayload,
} from './cases/case-jobs';
export type { CaseChange, CaseChangeScope, CaseChangeSubscriber } from './cases/case-change';
export { createCaseChain } from './case-chain';
export { decideCaseWrite, type CaseActor, type CaseWriter } from './cases/case-write-rules';
export { CaseNotifications } from './cases/case-notifications';
export {
  CitizenNotifications,
  CITIZEN_NOTIFY_JOB,
  CITIZEN_NOTIFY_ATTEMPTS,
  SMS_STATUS_JOB,
  type CitizenNotice,
  type CitizenNoticePayload,
  type CitizenNotificationsOptions,
} from './messaging/citizen-notifications';
export {
  ChannelMessenger,
  EmailCitizenMessenger,
  type CitizenMessenger,
  type CitizenMessage,
  type MessageChannel,
  type MessageReceipt,
} from './messaging/citizen-messenger';
export { SmsMessenger, type SmsDeliveryStatus } from './messaging/sms-messenger';
export { DigitalMailboxMessenger } from './messaging/digital-mailbox-messenger';
export { MessageRefused, ProviderAnswerInvalid } from './messaging/message-errors';
export { mobileNumber } from './messaging/mobile-number';
export { messageRoutes, type MessageRoute, type ReachableBy } from './messaging/message-routes';
export { CitizenMessageRecord, type CitizenMessageStatus } from './messaging/citizen-message.entity';
export {
  messagingSettingsSchema,
  type MessagingSettings,
  type SmsProviderSettings,
  type DigitalMailboxSettings,
} from './messaging/messaging-settings';
export {
  parseCallbackContact,
  formatSwedishPhone,
  PreferredContact,
  type CallbackContact,
  type CallbackContactInput,
} from './cases/callback-contact';
export {
  caseSetupSchema,
  applyCaseSetup,
  belongsToGroup,
  type CaseSetup,
  type EServiceAttribute,
} from './cases/case-setup';
export {
  CaseQueries,
  encodeCursor,
  decodeCursor,
  InvalidCursorError,
  type CaseListFilter,
  type CaseViewer,
  type CasePage,
  type CaseDirectory,
} from './cases/case-queries';
export { parseCaseReference } from './cases/case-reference';
export {
  serviceStatistics,
  statisticsCsv,
  DEFAULT_SERVICE_TARGETS,
  type ServiceStatistics,
  type ServiceTargets,
  type GoalFigure,
} from './statistics/service-statistics';
export { StatisticsDaily, StatisticsDay, StatisticsDirtyDay } from './statistics/statistics-rollup.entities';
export {
  STATISTICS_ROLLUP_JOB,
  STATISTICS_ROLLUP_EVERY_MS,
  rollUpStatistics,
  rollUpDay,
} from './statistics/statistics-rollup';
export { StatisticsRollupJob } from './statistics/statistics-rollup-job';
export {
  monthlyCoverage,
  avoidableContactsReport,
  isMonth,
  monthDays,
  previousMonth,
  type CoverageFigure,
  type ResolutionFigure,
  type AvoidableContactsReport,
  type AvoidableContactRow,
} from './statistics/contact-coverage';
export { periodContactReasons, type ContactReasonCount } from './statistics/contact-reason-counts';
export {
  AvoidableContactsDigest,
  AVOIDABLE_CONTACTS_JOB,
  nextAvoidableContactsMail,
  firstWorkingDayOfMonth,
} from './statistics/avoidable-contacts-digest';
export { CaseDigests, DIGEST_JOBS, nextWeeklyDigest, nextMonthlyStatistics } from './cases/case-digests';
export { KnowledgeArticle } from './knowledge/knowledge-article.entity';
export { KnowledgeService, type ArticleInput, type KnowledgeGap } from './knowledge/knowledge.service';
export { MandateGrant, type MandateTargetKind } from './access/mandate-grant.entity';
export { MandateGrantRequest } from './access/mandate-grant-request.entity';
export { AccessChange, type AccessChangeAction } from './access/access-change.entity';
export { MandateGrants, type MandateTarget } from './access/mandate-grants.service';
export { RetentionRun } from './retention/retention-run.entity';
export {
  retentionSettingsSchema,
  runRetention,
  RETENTION_JOB,
  type RetentionSettings,
  type RetentionReport,
} from './retention/retention';
export { RetentionJob, nextRetentionRun } from './retention/retention-job';
export * from './telephony';
export * from './callbacks';
export * from './identification';
