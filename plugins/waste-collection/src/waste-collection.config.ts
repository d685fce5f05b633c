import { z } from 'zod';

export const wasteCollectionConfig = z.object({
  /** Base URL of the waste system, e.g. https://avfall.example.se/ (export and orders API under it). */
  baseUrl: z.url(),
  apiKey: z.string().min(1),
});
export type WasteCollectionConfig = z.infer<typeof wasteCollectionConfig>;
