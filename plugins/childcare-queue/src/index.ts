export { childcareQueuePlugin as plugin, childcareQueueConfig } from './childcare-queue.plugin';
export {
  ChildcareQueue,
  ChildcareApplication,
  ChildcarePlacementOffer,
  ChildcarePreferredUnit,
} from './childcare-queue.types';
export { childcareQueuePlugin } from './childcare-queue.plugin';
export { childcareStatusCatalogue } from './childcare-status.catalogue';
