export { childYouthPlugin as plugin, childYouthPlugin, childYouthConfig } from './child-youth.plugin';
export {
  ChildYouth,
  ChildYouthCaseOfficer,
  ChildYouthInvestigation,
  ChildYouthIntervention,
  ChildYouthCallbackRequest,
  ChildYouthDecisions,
  ChildYouthDecision,
  ChildYouthProvider,
  ChildYouthCallbackInput,
  ChildYouthCallbackReceipt,
} from './child-youth.types';
export { investigationCatalogue, interventionCatalogue } from './child-youth.catalogues';
export { CLOSED_TO_GUARDIANS_REASON } from './child-youth.mapping';
