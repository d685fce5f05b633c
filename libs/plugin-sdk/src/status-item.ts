import { z } from 'zod';
import { StatusState } from './status-state';

/** An ISO calendar date, e.g. 2026-12-05 (a due date has no time of day). */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/**
 * Where a citizen may be sent to do something: an https address (the department's e-service) or
 * an anchor on the Mina ärenden page (`#…`). Nothing else: no http, no javascript:, no address
 * with credentials in it, nothing another page could be made to run.
 */
export function isActionUrl(value: string): boolean {
  if (/^#[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(value)) return true;
  if (value.length > 2000 || !value.startsWith('https://')) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !url.username && !url.password && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** What the citizen can do about a matter, and where (4.1). */
export const statusAction = z.object({
  /** The link's text, in Swedish, saying what happens, e.g. "Svara på erbjudandet". */
  label: z.string().min(1).max(80),
  url: z.string().refine(isActionUrl, 'expected an https:// address or a Mina ärenden anchor (#…)'),
});

/** How to pay an invoice (4.1): the OCR reference, the bankgiro number and the amount due. */
export const statusPayment = z.object({
  ocr: z.string().regex(/^\d{2,25}$/, 'expected an OCR reference of 2 to 25 digits'),
  bankgiro: z.string().regex(/^\d{3,4}-\d{4}$/, 'expected a bankgiro number as 123-4567 or 1234-5678'),
  /** The amount to pay, in öre (125000 is 1 250 kr). */
  amountOre: z.number().int().positive(),
});

/**
 * What a plugin produces for one matter. The hub adds `source` (the plugin id) and
 * validates this shape, so a mapping bug shows as the plugin's error, not the hub's.
 */
export const statusItemInput = z.object({
  /** What kind of matter, in the department's own words, e.g. `childcare-application`. */
  kind: z.string().min(1),
  /** The department's reference the citizen can quote (application id, diarienummer). */
  reference: z.string().min(1),
  /** A short Swedish title an agent reads aloud, e.g. "Förskoleplats för Tolvan". */
  title: z.string().min(1),
  state: z.enum(StatusState),
  /** The Swedish status text, e.g. "Plats erbjuden". */
  label: z.string().min(1),
  updatedAt: z.date().optional(),
  dueDate: isoDate.optional(),
  /** What happens next, or what the citizen must do, e.g. "Svara på erbjudandet senast 2026-12-05". */
  nextStep: z.string().min(1).optional(),
  /** Since 4.1: where the citizen does what `nextStep` asks, e.g. the e-service answering an offer. */
  action: statusAction.optional(),
  /** Since 4.1: for an invoice to pay, how to pay it. */
  payment: statusPayment.optional(),
});

export type StatusItemInput = z.infer<typeof statusItemInput>;

/** A status item as the hub hands it on: the plugin's item plus its source. */
export interface StatusItem extends StatusItemInput {
  source: string;
}
