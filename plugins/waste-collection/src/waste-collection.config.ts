import { z } from 'zod';

/**
 * Nothing of its own: the waste system's base URL (export and orders API under it) and API
 * key are the installation's `connection` (plugins.waste-collection.connection), owned by the hub.
 */
export const wasteCollectionConfig = z.object({}).strict();
export type WasteCollectionConfig = z.infer<typeof wasteCollectionConfig>;
