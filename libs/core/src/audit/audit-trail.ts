/** Who is reading, as the audit log records it. */
export interface AuditActor {
  subject: string;
  role: string;
}

/** A read by a representative: who (they sign in as themselves) and on what basis. */
export interface OnBehalfOf {
  personalNumber: string;
  name: string | null;
  /** `guardian`, or `power:<id>`. */
  basis: string;
}

/**
 * Collects, during one request, whose data was read from which department systems and
 * which parts of it, so the request writes one audit row per person before its answer
 * leaves the hub.
 */
export class AuditTrail {
  private readonly reads = new Map<string, { plugins: Set<string>; fieldGroups: Set<string> }>();
  private readonly onBehalf = new Map<string, OnBehalfOf>();
  private readonly refusals: { partyId: string; reason: string; fieldGroups: string[] }[] = [];

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

  /** Marks every read of `partyId` in this request as done on the party's behalf by a representative. */
  representing(partyId: string, onBehalf: OnBehalfOf): void {
    this.onBehalf.set(partyId, onBehalf);
    this.record(partyId, []);
  }

  /**
   * Records a refused read of `partyId` with its reason: a row of its own (what was asked for, why
   * not), beside any row of what the same request did read.
   */
  refuse(partyId: string, reason: string, fieldGroups: string[] = ['refused']): void {
    this.refusals.push({ partyId, reason: reason.slice(0, 500), fieldGroups: [...fieldGroups].sort() });
  }

  entries(): {
    partyId: string;
    plugins: string[];
    fieldGroups: string[];
    onBehalf: OnBehalfOf | null;
    refusal: string | null;
  }[] {
    const reads = [...this.reads.entries()].map(([partyId, seen]) => ({
      partyId,
      plugins: [...seen.plugins].sort(),
      fieldGroups: [...seen.fieldGroups].sort(),
      onBehalf: this.onBehalf.get(partyId) ?? null,
      refusal: null,
    }));
    const refused = this.refusals.map((r) => ({
      partyId: r.partyId,
      plugins: [],
      fieldGroups: r.fieldGroups,
      onBehalf: this.onBehalf.get(r.partyId) ?? null,
      refusal: r.reason,
    }));
    return [...reads, ...refused];
  }
}
