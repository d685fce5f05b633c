import { SourceAnswerInvalidError, apiPath, type SourceContext } from '@frontdoor/plugin-sdk';
import { invoicePage, type InvoicingAnswer } from './invoicing-answer.schema';
import type { InvoicingConfig } from './invoicing.config';

/** A customer with more pages than this is a broken answer, not a customer. */
const MAX_PAGES = 50;

/**
 * Reads all of a customer's invoices, page by page. The hub signs each request with the
 * installation's OAuth2 client credentials (renewing the token once on a 401).
 */
export async function fetchInvoices(
  { config, http }: SourceContext<InvoicingConfig>,
  personalNumber: string,
): Promise<InvoicingAnswer | null> {
  const items: unknown[] = [];
  for (let page = 1; ; page++) {
    const raw = await http.getJson(apiPath`api/v1/customers/${personalNumber}/invoices`, {
      query: { page, pageSize: config.pageSize },
      notFoundMeansNone: true,
    });
    if (raw === null) return null;
    const parsed = invoicePage.safeParse(raw);
    if (!parsed.success) throw new SourceAnswerInvalidError(`page ${page} is not an invoice page`);
    items.push(...parsed.data.items);
    if (page >= parsed.data.totalPages) break;
    if (page >= MAX_PAGES) throw new SourceAnswerInvalidError(`more than ${MAX_PAGES} pages of invoices`);
  }
  // The items are validated by the plugin's answer schema, by the hub.
  return { invoices: items } as InvoicingAnswer;
}
