export { StatusState } from './status-state';
export {
  statusItemInput,
  statusAction,
  statusPayment,
  isActionUrl,
  isoDate,
  type StatusItem,
  type StatusItemInput,
} from './status-item';
export {
  isHttpStatus,
  type SourceContext,
  type JobContext,
  type SourceHttp,
  type SourceRequestOptions,
  type SourceHttpStatus,
  type PersonRef,
} from './source-context';
export {
  definePlugin,
  PluginDefinitionError,
  type PluginQuery,
  type PluginAction,
  type AnyPluginQuery,
  type AnyPluginAction,
  type PluginOperationKit,
  type PluginJob,
  type JobReport,
  type MandateLevel,
  type PluginDeclaration,
  type PluginDefinition,
  type PersonSource,
  type PersonDetailField,
  type GraphQLObjectClass,
  type GraphQLFieldType,
  type SecrecyClass,
  type StatusReader,
  type CustodyRelations,
  type SecrecyDeclaration,
} from './define-plugin';
export { SDK_VERSION } from './sdk-version';
export {
  detailFieldsOf,
  statusLevelOf,
  statusesVisibleAt,
  statusTexts,
  secretValueForms,
} from './status-secrecy';
export { statusCatalogue, type StatusCatalogue, type CatalogueEntry } from './status-catalogue';
export { CalendarDate } from './scalars';
export { SourceUnavailableError, SourceAnswerInvalidError } from './source-errors';
export {
  connectionSettingsSchema,
  type ConnectionSettings,
  type ConnectionSettingsInput,
} from './connection/connection-settings';
export {
  DepartmentConnection,
  type ConnectionDeclaration,
  type CallOptions,
} from './connection/department-connection';
export { type HealthState } from './connection/department-health';
export { apiPath, departmentUrl, describeUrl, DepartmentPathError } from './connection/department-url';
export {
  SourceHttpStatusError,
  SourceBodyNotJsonError,
  SourceBodyTooLargeError,
  SourceConnectionError,
  SourceNotFoundUnprovenError,
} from './connection/department-errors';
export {
  readPersonAnswer,
  runQueryAnswer,
  runActionAnswer,
  validateAnswer,
  checkInput,
  describeZodError,
  type InputCheck,
} from './calls/validated-calls';
export { blankWhereabouts, whereaboutsValues, protectedPaths, PROTECTED_TEXT } from './whereabouts';
