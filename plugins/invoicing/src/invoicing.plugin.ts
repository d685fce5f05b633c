import { definePlugin, statusPayment, type StatusItemInput } from '@frontdoor/plugin-sdk';
import { fetchInvoices } from './fetch-invoices';
import { invoiceStatusCatalogue } from './invoice-status.catalogue';
import { invoicingAnswer, type InvoiceAnswer, type InvoicingAnswer } from './invoicing-answer.schema';
import { invoicingConfig } from './invoicing.config';
import { Invoice } from './invoicing.types';
import { formatKronor } from './kronor';

const OPEN = new Set(['SENT', 'PARTIALLY_PAID', 'REMINDER', 'DEBT_COLLECTION']);

function nextStep(invoice: InvoiceAnswer, today: string): string | undefined {
  const remaining = formatKronor(invoice.remainingOre);
  switch (invoice.status) {
    case 'SENT':
    case 'PARTIALLY_PAID':
      return invoice.dueDate < today
        ? `Förfallen ${invoice.dueDate}: ${remaining} kvar att betala`
        : `Betala ${remaining} senast ${invoice.dueDate}`;
    case 'REMINDER':
      return `Betala ${remaining} snarast för att undvika inkasso`;
    case 'DEBT_COLLECTION':
      return `${remaining} hos inkasso; kontakta inkassobolaget för betalning`;
    default:
      return undefined;
  }
}

/** Invoices the citizen pays to the municipality (one at debt collection is paid to the agency). */
const PAYABLE = new Set(['SENT', 'PARTIALLY_PAID', 'REMINDER']);

/**
 * How to pay what remains, when the system gave a well-formed OCR and bankgiro. One it did not
 * (or a malformed one) leaves the payment out, never the invoice: its text still says what is due.
 */
function paymentFor(invoice: InvoiceAnswer): Pick<StatusItemInput, 'payment'> {
  if (!PAYABLE.has(invoice.status) || invoice.remainingOre <= 0) return {};
  const payment = statusPayment.safeParse({
    ocr: invoice.ocr,
    bankgiro: invoice.bankgiro,
    amountOre: invoice.remainingOre,
  });
  return payment.success ? { payment: payment.data } : {};
}

export function invoiceStatuses(answer: InvoicingAnswer | null, today: string): StatusItemInput[] {
  return (answer?.invoices ?? []).map((invoice) => {
    const { state, label } = invoiceStatusCatalogue.lookup(invoice.status);
    return {
      kind: 'invoice',
      reference: invoice.invoiceNumber,
      title: `Faktura ${invoice.invoiceNumber}, ${formatKronor(invoice.amountOre)}`,
      state,
      label,
      updatedAt: new Date(invoice.updatedAt),
      dueDate: OPEN.has(invoice.status) ? invoice.dueDate : undefined,
      nextStep: nextStep(invoice, today),
      ...paymentFor(invoice),
    };
  });
}

export function invoiceDetail(answer: InvoicingAnswer | null): Invoice[] | null {
  if (!answer) return null;
  return answer.invoices.map((invoice) => {
    const { state, label } = invoiceStatusCatalogue.lookup(invoice.status);
    return {
      ...invoice,
      amountText: formatKronor(invoice.amountOre),
      statusCode: invoice.status,
      state,
      label,
      updatedAt: new Date(invoice.updatedAt),
      lines: invoice.lines.map((line) => ({
        ...line,
        explanation: `${line.description}${line.period ? `, ${line.period}` : ''}: ${formatKronor(line.amountOre)}`,
      })),
    };
  });
}

/** Invoicing (fakturor): a person's invoices, their status and lines in plain language. OAuth2 client credentials. */
export const invoicingPlugin = definePlugin({
  id: 'invoicing',
  department: 'Ekonomi, fakturor',
  version: '1.0.0',
  sdk: '^4.1',
  config: invoicingConfig,
  connection: { healthPath: 'api/v1/health' },
  person: {
    fetch: (ctx, person) => fetchInvoices(ctx, person.personalNumber),
    answer: invoicingAnswer,
    statuses: invoiceStatuses,
    detail: {
      field: 'invoices',
      description: 'The person’s invoices, newest first, with lines explained.',
      type: () => [Invoice],
      map: invoiceDetail,
      mandate: 1,
    },
    // The invoicing system sends no billing address to the hub: nothing to blank.
    whereabouts: [],
    placeIds: [],
  },
});
