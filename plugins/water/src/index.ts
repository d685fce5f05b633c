export { waterPlugin as plugin, waterPlugin, waterConfig } from './water.plugin';
export {
  Water,
  WaterSubscription,
  WaterMeterReading,
  WaterInterruption,
  MeterReadingInput,
  MeterReadingReceipt,
} from './water.types';
export { waterSubscriptionCatalogue } from './water.catalogues';
