export { incomeSupportPlugin as plugin, incomeSupportConfig } from './income-support.plugin';
export {
  IncomeSupport,
  IncomeSupportApplication,
  IncomeSupportDecision,
  IncomeSupportDecisions,
  IncomeSupportMissingDocument,
} from './income-support.types';
export { incomeSupportPlugin, INCOME_SUPPORT_APPLICATION } from './income-support.plugin';
export { incomeSupportStateCatalogue } from './income-support-state.catalogue';
