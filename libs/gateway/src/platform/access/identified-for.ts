import { basisKey, samePerson, type CallerIdentification, type Representation } from '@frontdoor/core';
import type { IdentificationSettings } from '@frontdoor/config';
import type { Principal } from '../auth/principal';

/** Where completed identifications are looked up (CallerIdentifications in libs/core). */
export interface IdentificationStore {
  validFor(agentSubject: string, personalNumber: string): Promise<CallerIdentification | null>;
  /** Every identification the agent holds now, whoever it identified, newest first. */
  validHeldBy(agentSubject: string): Promise<CallerIdentification[]>;
}

/** May the caller identified as `callerPn` hear `subjectPn`'s matters in `department` (Representations). */
export interface CallerRepresentation {
  forIdentifiedCaller(callerPn: string, subjectPn: string, department: string): Promise<Representation>;
}

/** Who the agent hears a person's matters for, when it is not the person: the audit's "on behalf of". */
export interface CallerOnBehalfOf {
  personalNumber: string;
  name: string | null;
  /** `guardian`, or `power:<id>`. */
  basis: string;
}

/**
 * The gate's answer for one person and department: open (for the person themselves, or on
 * behalf of an identified representative), or closed, with the representation's reason (in
 * Swedish) when an identified caller's custody or power was tried and did not hold.
 */
export type CallerDecision = { open: true; onBehalfOf?: CallerOnBehalfOf } | { open: false; reason?: string };

/** Refusals that say something to the agent: the caller is a representative, but not now or not here. */
const TOLD_REFUSALS = new Set<string>([
  'REGISTER_UNAVAILABLE',
  'POWER_REVOKED',
  'POWER_NOT_YET_VALID',
  'POWER_EXPIRED',
  'OUT_OF_SCOPE',
]);

/**
 * The one answer to "is the person on the line identified, for this reader, about this
 * person's matters in this department?" (decision 0076). A secrecy department's data is shown
 * to the roles and answer groups the configuration names only when this says yes.
 *
 * A caller identified as someone else opens the person's matters when they represent the person
 * now (decision 0089): custody of a minor from the population register, or a valid power of
 * attorney naming the department. Every gate (person reads, detail, lookups, actions) asks here.
 */
export class CallerIdentifiedGate {
  /** Null until the hub wires it: then no identified caller represents anyone (fail closed). */
  private representation: CallerRepresentation | null = null;

  constructor(
    private readonly settings: IdentificationSettings,
    private readonly answerGroupsOf: (principal: Principal) => string[],
    /** Null until the hub wires the store: then nobody who needs an identification has one (fail closed). */
    private store: IdentificationStore | null = null,
  ) {}

  useStore(store: IdentificationStore): void {
    this.store = store;
  }

  useRepresentations(representation: CallerRepresentation): void {
    this.representation = representation;
  }

  /** Whether this reader must have identified the caller before a secrecy department opens. */
  requiresIdentification(principal: Principal): boolean {
    const { roles, answerGroups } = this.settings.requiredFor;
    if ((roles as string[]).includes(principal.role)) return true;
    return this.answerGroupsOf(principal).some((group) => answerGroups.includes(group));
  }

  async identifiedFor(principal: Principal, personalNumber: string, department: string): Promise<boolean> {
    return (await this.decide(principal, personalNumber, department)).open;
  }

  /**
   * Open for a citizen reading themselves (their own e-ID session identified them), for a reader
   * the configuration does not ask it of, for one holding a completed identification of this
   * person that is valid now (their own, not a colleague's; its call not ended), and for one
   * holding such an identification of someone who represents the person in this department now.
   * A store or a power register that cannot answer (database down) throws: the read fails
   * rather than opening; custody that cannot be confirmed keeps it closed.
   */
  async decide(principal: Principal, personalNumber: string, department: string): Promise<CallerDecision> {
    if (principal.role === 'citizen')
      return { open: samePerson(principal.personalNumber ?? principal.subject, personalNumber) };
    if (!this.requiresIdentification(principal)) return { open: true };
    if (!this.store) return { open: false };
    if ((await this.store.validFor(principal.subject, personalNumber)) !== null) return { open: true };
    return this.representedByIdentifiedCaller(principal, personalNumber, department);
  }

  private async representedByIdentifiedCaller(
    principal: Principal,
    personalNumber: string,
    department: string,
  ): Promise<CallerDecision> {
    if (!this.representation) return { open: false };
    const callers = (await this.store!.validHeldBy(principal.subject)).filter(
      (identification) => !samePerson(identification.personalNumber, personalNumber),
    );
    let reason: string | undefined;
    for (const caller of callers) {
      const decision = await this.representation.forIdentifiedCaller(
        caller.personalNumber,
        personalNumber,
        department,
      );
      if (decision.ok)
        return {
          open: true,
          onBehalfOf: {
            personalNumber: caller.personalNumber,
            name: caller.identifiedName,
            basis: basisKey(decision.basis),
          },
        };
      if (TOLD_REFUSALS.has(decision.code)) reason ??= decision.reason;
    }
    return { open: false, reason };
  }
}
