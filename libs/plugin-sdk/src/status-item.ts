import { z } from 'zod';
import { StatusState } from './status-state';

/** An ISO calendar date, e.g. 2026-12-05 (a due date has no time of day). */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

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
});

export type StatusItemInput = z.infer<typeof statusItemInput>;

/** A status item as the hub hands it on: the plugin's item plus its source. */
export interface StatusItem extends StatusItemInput {
  source: string;
}
