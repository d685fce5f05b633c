import { CreatePartyAndAuditRecord1764000000000 } from './1764000000000-CreatePartyAndAuditRecord';
import { CreateJobTable1764200000000 } from './1764200000000-CreateJobTable';
import { CreateCaseTables1764300000000 } from './1764300000000-CreateCaseTables';
import { CreateKnowledgeArticle1764400000000 } from './1764400000000-CreateKnowledgeArticle';
import { CreateAccessTables1764500000000 } from './1764500000000-CreateAccessTables';
import { AddCaseCallbackAndVersion1765000000000 } from './1765000000000-AddCaseCallbackAndVersion';
import { AddCaseWaitingForCustomer1765000100000 } from './1765000100000-AddCaseWaitingForCustomer';
import { CreateJobOutbox1765200000000 } from './1765200000000-CreateJobOutbox';
import { AddCaseAnswerWorkingDaysAndStatisticsIndex1765300000000 } from './1765300000000-AddCaseAnswerWorkingDaysAndStatisticsIndex';
import { CreateRetentionRunAndRetentionIndexes1765300100000 } from './1765300100000-CreateRetentionRunAndRetentionIndexes';
import { CreateMailDelivery1765310000000 } from './1765310000000-CreateMailDelivery';
import { CreateCallTables1765400000000 } from './1765400000000-CreateCallTables';
import { CreateOpen311RequestAndCitizenPreference1765500000000 } from './1765500000000-CreateOpen311RequestAndCitizenPreference';
import { CreateStatisticsRollup1765600000000 } from './1765600000000-CreateStatisticsRollup';
import { AddCaseEventCitizenMessage1765710000000 } from './1765710000000-AddCaseEventCitizenMessage';
import { AddFourEyesMandateGrants1765790000000 } from './1765790000000-AddFourEyesMandateGrants';
import { CreatePluginJobRun1765800000000 } from './1765800000000-CreatePluginJobRun';
import { AddAuditPurposeTies1765810000000 } from './1765810000000-AddAuditPurposeTies';
import { CreateCallerIdentification1765811000000 } from './1765811000000-CreateCallerIdentification';
import { CreateSurveyInvitation1765820000000 } from './1765820000000-CreateSurveyInvitation';
import { AddSurveyInvitationNotAskedReason1765926500000 } from './1765926500000-AddSurveyInvitationNotAskedReason';
import { CreatePowerOfAttorneyAndAuditOnBehalf1765900000000 } from './1765900000000-CreatePowerOfAttorneyAndAuditOnBehalf';
import { CreateEmailMessageTables1765910000000 } from './1765910000000-CreateEmailMessageTables';
import { CreateCallbackTables1765882000000 } from './1765882000000-CreateCallbackTables';
import { CreateCitizenMessage1765883000000 } from './1765883000000-CreateCitizenMessage';
import { AddContactReasonAndRollupReason1765886000000 } from './1765886000000-AddContactReasonAndRollupReason';
import { CreateOperatingNotice1765920000000 } from './1765920000000-CreateOperatingNotice';

/** Every migration of the hub, oldest first. Each works on SQLite and PostgreSQL (TypeORM's Table API). */
export const ALL_MIGRATIONS = [
  CreatePartyAndAuditRecord1764000000000,
  CreateJobTable1764200000000,
  CreateCaseTables1764300000000,
  CreateKnowledgeArticle1764400000000,
  CreateAccessTables1764500000000,
  AddCaseCallbackAndVersion1765000000000,
  AddCaseWaitingForCustomer1765000100000,
  CreateJobOutbox1765200000000,
  AddCaseAnswerWorkingDaysAndStatisticsIndex1765300000000,
  CreateRetentionRunAndRetentionIndexes1765300100000,
  CreateMailDelivery1765310000000,
  CreateCallTables1765400000000,
  CreateOpen311RequestAndCitizenPreference1765500000000,
  CreateStatisticsRollup1765600000000,
  AddCaseEventCitizenMessage1765710000000,
  AddFourEyesMandateGrants1765790000000,
  CreatePluginJobRun1765800000000,
  AddAuditPurposeTies1765810000000,
  CreateCallerIdentification1765811000000,
  CreateSurveyInvitation1765820000000,
  CreateCallbackTables1765882000000,
  CreateCitizenMessage1765883000000,
  AddContactReasonAndRollupReason1765886000000,
  CreatePowerOfAttorneyAndAuditOnBehalf1765900000000,
  CreateEmailMessageTables1765910000000,
  CreateOperatingNotice1765920000000,
  AddSurveyInvitationNotAskedReason1765926500000,
];
