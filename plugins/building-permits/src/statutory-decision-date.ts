import { addDays } from './calendar';

/** PBL 9 kap. 27 §: a decision within 10 weeks of a complete application. */
export const DECISION_WEEKS = 10;
/** …which the authority may extend once, by at most 10 more weeks. */
export const EXTENSION_WEEKS = 10;

/**
 * The last day for the building committee's decision, counted from the day the
 * application was complete; `null` while it is not complete (the clock has not started).
 */
export function statutoryDecisionDate(completeDate: string | null, extended: boolean): string | null {
  if (!completeDate) return null;
  return addDays(completeDate, 7 * (DECISION_WEEKS + (extended ? EXTENSION_WEEKS : 0)));
}

/** Past the statutory date without a decision. */
export function isDecisionOverdue(
  statutoryDate: string | null,
  decisionDate: string | null,
  today: string,
): boolean {
  return statutoryDate !== null && decisionDate === null && today > statutoryDate;
}
