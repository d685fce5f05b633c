import { z } from 'zod';

export const invoicingConfig = z.object({
  /** Base URL of the invoicing system, e.g. https://faktura.example.se/ (token endpoint and API under it). */
  baseUrl: z.url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  pageSize: z.number().int().min(1).max(100).default(50),
});
export type InvoicingConfig = z.infer<typeof invoicingConfig>;
