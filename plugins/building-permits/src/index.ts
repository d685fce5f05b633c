export {
  buildingPermitsPlugin as plugin,
  buildingPermitsPlugin,
  permitStatuses,
  toBuildingPermit,
} from './building-permits.plugin';
export { permitStageCatalogue } from './permit-stage.catalogue';
export { buildingPermitsConfig } from './building-permits.config';
export { statutoryDecisionDate, isDecisionOverdue } from './statutory-decision-date';
