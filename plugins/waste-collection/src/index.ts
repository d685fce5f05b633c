export { wasteCollectionPlugin as plugin, wasteCollectionPlugin } from './waste-collection.plugin';
export { wasteCollectionConfig } from './waste-collection.config';
export { wasteSubscriptionCatalogue } from './waste-catalogues';
