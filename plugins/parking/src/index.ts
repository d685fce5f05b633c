export { parkingPlugin as plugin, parkingPlugin, parkingConfig } from './parking.plugin';
export {
  Parking,
  ParkingPermit,
  ParkingFine,
  ParkingFineReview,
  ParkingFineReviewInput,
  ParkingFineReviewReceipt,
} from './parking.types';
export { parkingPermitCatalogue, parkingFineCatalogue } from './parking.catalogues';
