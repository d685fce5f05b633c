import { z } from 'zod';

/**
 * The plugin's own settings. The invoicing system's base URL and OAuth2 client credentials
 * are the installation's `connection` (plugins.invoicing.connection), owned by the hub.
 */
export const invoicingConfig = z
  .object({
    pageSize: z.number().int().min(1).max(100).default(50),
  })
  .strict();
export type InvoicingConfig = z.infer<typeof invoicingConfig>;
