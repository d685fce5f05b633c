import { samePerson, type CallerIdentification } from '@frontdoor/core';
import type { IdentificationSettings } from '@frontdoor/config';
import type { Principal } from '../auth/principal';

/** Where completed identifications are looked up (CallerIdentifications in libs/core). */
export interface IdentificationStore {
  validFor(agentSubject: string, personalNumber: string): Promise<CallerIdentification | null>;
}

/**
 * The one answer to "is the person on the line identified, for this reader, about this
 * person's matters in this department?" (decision 0076). A secrecy department's data is shown
 * to the roles and answer groups the configuration names only when this says yes.
 *
 * Extend it here (e.g. representatives: a guardian identified on the call may hear a child's
 * matters) rather than beside it: every gate (person reads, detail, lookups, actions) asks it.
 */
export class CallerIdentifiedGate {
  constructor(
    private readonly settings: IdentificationSettings,
    private readonly answerGroupsOf: (principal: Principal) => string[],
    /** Null until the hub wires the store: then nobody who needs an identification has one (fail closed). */
    private store: IdentificationStore | null = null,
  ) {}

  useStore(store: IdentificationStore): void {
    this.store = store;
  }

  /** Whether this reader must have identified the caller before a secrecy department opens. */
  requiresIdentification(principal: Principal): boolean {
    const { roles, answerGroups } = this.settings.requiredFor;
    if ((roles as string[]).includes(principal.role)) return true;
    return this.answerGroupsOf(principal).some((group) => answerGroups.includes(group));
  }

  /**
   * Yes for a citizen reading themselves (their own e-ID session identified them), for a reader
   * the configuration does not ask it of, and for one holding a completed identification of
   * this person that is valid now (their own, not a colleague's; its call not ended). A store
   * that cannot answer (database down) throws: the read fails rather than opening.
   */
  async identifiedFor(principal: Principal, personalNumber: string, department: string): Promise<boolean> {
    void department; // every secrecy department is opened by the same identification, for now
    if (principal.role === 'citizen')
      return samePerson(principal.personalNumber ?? principal.subject, personalNumber);
    if (!this.requiresIdentification(principal)) return true;
    if (!this.store) return false;
    return (await this.store.validFor(principal.subject, personalNumber)) !== null;
  }
}
