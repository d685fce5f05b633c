export { homeCarePlugin as plugin, homeCarePlugin, homeCareConfig } from './home-care.plugin';
export {
  HomeCare,
  HomeCareDecision,
  HomeCareVisit,
  HomeCareTeam,
  HomeCareService,
  HomeCareChangeRequest,
  HomeCareChangeInput,
  HomeCareChangeReceipt,
} from './home-care.types';
export { homeCareDecisionCatalogue } from './home-care.catalogues';
