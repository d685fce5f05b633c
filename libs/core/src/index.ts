export * from './errors';
export { parsePersonalNumber, samePerson, type PersonalNumber } from './people/personal-number';
export { Party } from './people/party.entity';
export { PartyService } from './people/party.service';
export { AuditRecord } from './audit/audit-record.entity';
export { AuditService } from './audit/audit.service';
export { AuditTrail, type AuditActor } from './audit/audit-trail';
export { HubMetrics } from './metrics/hub-metrics';
export { Mailer, type MailMessage, type MailSettings } from './mail/mailer';
export { stockholmDate } from './time/stockholm-date';
export { isWorkingDay, addWorkingDays, workingDaysBetween, endOfStockholmDay } from './sla/swedish-calendar';
export { serviceDeadline } from './sla/service-deadline';
export { pluginSettingsSchema, type PluginSettings } from './sources/plugin-settings';
export { loadPlugins, PluginLoadError, type LoadedPlugin, type ModuleLoader } from './sources/plugin-loader';
export { PersonSources, type PersonSourceOutcome, type PersonSourceReader } from './sources/person-sources';
export { PluginRuntime, type CallResult } from './sources/plugin-runtime';
export { PluginJobScheduler } from './sources/plugin-job-scheduler';
export { describeZodError } from './sources/source-failure';
export { SourceAnswerInvalidError } from '@frontdoor/plugin-sdk';

import { AuditRecord } from './audit/audit-record.entity';
import { AnswerGroup, CaseCategory, CaseEvent, ServiceCase } from './cases/case.entities';
import { Party } from './people/party.entity';
/** Every entity the core owns, for the data source. */
export const CORE_ENTITIES = [Party, AuditRecord, AnswerGroup, CaseCategory, ServiceCase, CaseEvent];
