/** A purpose from the hub's list, as a lookup's `why` (PurposeInput) carries it. */
/** A purpose as the hub lists it (RuntimeConfig.purposeReasons). */
export interface PurposeReasonOption {
  key: string;
  label: string;
  needsText: boolean;
}

export interface LookupWhy {
  reason: string;
  caseId?: string;
}

/**
 * The purpose the console names with a lookup: the open case when one is open and no call is on
 * the line ("arende"), else the call ("samtal": the console is where calls are answered).
 * Nothing when the hub is configured without that purpose: the lookup then carries only its
 * free-text purpose, and a department that needs one from the list says so itself.
 */
export function purposeFromList(
  reasons: PurposeReasonOption[] | undefined,
  onCall: boolean,
  openCaseId: string | null,
): LookupWhy | null {
  const offered = new Set((reasons ?? []).map((r) => r.key));
  if (openCaseId && !onCall && offered.has('arende')) return { reason: 'arende', caseId: openCaseId };
  if (offered.has('samtal')) return { reason: 'samtal' };
  return null;
}
