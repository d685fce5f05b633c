/** Who is reading, as the audit log records it. */
export interface AuditActor {
  subject: string;
  role: string;
}

/**
 * Collects, during one request, whose data was read from which department systems and
 * which parts of it, so the request writes one audit row per person before its answer
 * leaves the hub.
 */
export class AuditTrail {
  private readonly reads = new Map<string, { plugins: Set<string>; fieldGroups: Set<string> }>();

  /** The purpose chosen from the configured list (its key), when one was. */
  purposeReason: string | null = null;
  /** The case or call the read is for, when the reader named one. */
  purposeCaseId: string | null = null;
  purposeCallId: string | null = null;

  constructor(
    readonly actor: AuditActor,
    readonly requestId: string,
    public purpose: string | null = null,
  ) {}

  /**
   * Records that `partyId`'s data was read from `plugins` (an empty list: the person was
   * only looked up), in the named field groups (`statuses`, `childcareQueue`, …).
   */
  record(partyId: string, plugins: string[], fieldGroups: string[] = []): void {
    const seen = this.reads.get(partyId) ?? { plugins: new Set<string>(), fieldGroups: new Set<string>() };
    for (const plugin of plugins) seen.plugins.add(plugin);
    for (const group of fieldGroups) seen.fieldGroups.add(group);
    this.reads.set(partyId, seen);
  }

  entries(): { partyId: string; plugins: string[]; fieldGroups: string[] }[] {
    return [...this.reads.entries()].map(([partyId, seen]) => ({
      partyId,
      plugins: [...seen.plugins].sort(),
      fieldGroups: [...seen.fieldGroups].sort(),
    }));
  }
}
