import { z } from 'zod';
import { isoDate } from '@frontdoor/plugin-sdk';

export const invoiceAnswer = z.object({
  invoiceNumber: z.string().min(1),
  issueDate: isoDate,
  dueDate: isoDate,
  amountOre: z.number().int(),
  remainingOre: z.number().int().min(0),
  status: z.string().min(1),
  updatedAt: z.iso.datetime({ offset: true }),
  // Optional: how to pay; a system that sends none leaves the citizen the invoice's own text.
  ocr: z.string().optional(),
  bankgiro: z.string().optional(),
  lines: z.array(
    z.object({
      code: z.string(),
      description: z.string().min(1),
      period: z.string().nullable(),
      amountOre: z.number().int(),
    }),
  ),
});
export type InvoiceAnswer = z.infer<typeof invoiceAnswer>;

/** One page of the invoicing system's list. */
export const invoicePage = z.object({
  items: z.array(z.unknown()),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  totalPages: z.number().int().min(1),
});

/** All of a customer's invoices, gathered over the pages. */
export const invoicingAnswer = z.object({ invoices: z.array(invoiceAnswer) });
export type InvoicingAnswer = z.infer<typeof invoicingAnswer>;
