export { StatusState } from './status-state';
export { statusItemInput, isoDate, type StatusItem, type StatusItemInput } from './status-item';
export {
  isHttpStatus,
  type SourceContext,
  type SourceHttp,
  type SourceRequestOptions,
  type SourceHttpStatus,
  type PersonRef,
} from './source-context';
export {
  definePlugin,
  defineQuery,
  defineAction,
  PluginDefinitionError,
  type PluginQuery,
  type PluginAction,
  type PluginJob,
  type JobReport,
  type MandateLevel,
  type PluginDefinition,
  type PersonSource,
  type PersonDetailField,
  type GraphQLObjectClass,
  type GraphQLFieldType,
} from './define-plugin';
export { SDK_VERSION } from './sdk-version';
export { statusCatalogue, type StatusCatalogue, type CatalogueEntry } from './status-catalogue';
export { CalendarDate } from './scalars';
export { SourceUnavailableError, SourceAnswerInvalidError } from './source-errors';
export {
  SourceHttpClient,
  SourceHttpStatusError,
  SourceBodyNotJsonError,
  SourceBodyTooLargeError,
} from './source-http-client';
export { blankWhereabouts, whereaboutsValues, PROTECTED_TEXT } from './whereabouts';
