export { swimmingPlugin as plugin, swimmingPlugin, swimmingConfig } from './swimming.plugin';
export {
  Swimming,
  SwimQueueEntry,
  SwimGroupOffer,
  SwimBooking,
  SwimBookingCancellationInput,
  SwimBookingCancellationReceipt,
} from './swimming.types';
export { swimQueueCatalogue, swimBookingCatalogue } from './swimming.catalogues';
