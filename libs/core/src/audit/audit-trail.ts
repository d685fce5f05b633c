/** Who is reading, as the audit log records it. */
export interface AuditActor {
  subject: string;
  role: string;
}

/**
 * Collects, during one request, whose data was read from which department systems,
 * so the request writes one audit row per person, before its answer leaves the hub.
 */
export class AuditTrail {
  private readonly reads = new Map<string, Set<string>>();

  constructor(readonly actor: AuditActor, readonly requestId: string, readonly purpose: string | null = null) {}

  /** Records that `partyId`'s data was read from `plugins` (an empty list: the person was looked up). */
  record(partyId: string, plugins: string[]): void {
    const seen = this.reads.get(partyId) ?? new Set<string>();
    for (const plugin of plugins) seen.add(plugin);
    this.reads.set(partyId, seen);
  }

  entries(): { partyId: string; plugins: string[] }[] {
    return [...this.reads.entries()].map(([partyId, plugins]) => ({ partyId, plugins: [...plugins].sort() }));
  }
}
