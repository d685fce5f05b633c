import {
  SourceAnswerInvalidError,
  isHttpStatus,
  type SourceContext,
  type SourceHttp,
} from '@frontdoor/plugin-sdk';
import { invoicePage, type InvoicingAnswer } from './invoicing-answer.schema';
import type { InvoicingConfig } from './invoicing.config';
import { InvoicingTokens } from './oauth-token';

/** A customer with more pages than this is a broken answer, not a customer. */
const MAX_PAGES = 50;

export const invoicingTokens = new InvoicingTokens();

/**
 * Calls the API with a bearer token. A 401 means the token was revoked or expired early:
 * renew once and retry once, then give up.
 */
export async function withToken<T>(
  config: InvoicingConfig,
  http: SourceHttp,
  call: (authorization: string) => Promise<T>,
): Promise<T> {
  try {
    return await call(`Bearer ${await invoicingTokens.get(config, http)}`);
  } catch (error) {
    if (!isHttpStatus(error, 401)) throw error;
    return call(`Bearer ${await invoicingTokens.get(config, http, { renew: true })}`);
  }
}

/** Reads all of a customer's invoices, page by page. */
export async function fetchInvoices(
  { config, http }: SourceContext<InvoicingConfig>,
  personalNumber: string,
): Promise<InvoicingAnswer | null> {
  const items: unknown[] = [];
  for (let page = 1; ; page++) {
    const url = new URL(`api/v1/customers/${personalNumber}/invoices`, config.baseUrl);
    url.searchParams.set('page', String(page));
    url.searchParams.set('pageSize', String(config.pageSize));
    const raw = await withToken(config, http, (authorization) =>
      http.getJson(url, { headers: { authorization }, notFoundAsNull: true }),
    );
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
