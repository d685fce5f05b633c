import { z } from 'zod';

export const buildingPermitsConfig = z.object({
  /** Base URL of the permit system's API, e.g. https://bygglov.example.se/ */
  baseUrl: z.url(),
  apiKey: z.string().min(1),
});
export type BuildingPermitsConfig = z.infer<typeof buildingPermitsConfig>;
