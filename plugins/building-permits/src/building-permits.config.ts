import { z } from 'zod';

/**
 * Nothing of its own: the permit system's base URL and API key are the installation's
 * `connection` (plugins.building-permits.connection), owned by the hub.
 */
export const buildingPermitsConfig = z.object({}).strict();
export type BuildingPermitsConfig = z.infer<typeof buildingPermitsConfig>;
