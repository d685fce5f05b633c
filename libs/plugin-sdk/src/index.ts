export { StatusState } from './status-state';
export { statusItemInput, isoDate, type StatusItem, type StatusItemInput } from './status-item';
export type { SourceContext, SourceHttp, SourceRequestOptions, PersonRef } from './source-context';
export {
  definePlugin,
  PluginDefinitionError,
  type PluginDefinition,
  type PersonSource,
  type PersonDetailField,
  type GraphQLObjectClass,
} from './define-plugin';
export { SDK_VERSION } from './sdk-version';
export { statusCatalogue, type StatusCatalogue, type CatalogueEntry } from './status-catalogue';
export { CalendarDate } from './scalars';
