import { stockholmDate } from '../time/stockholm-date';
import type { Custody } from './custody';
import { isMinorOn } from './minor';
import type { DepartmentCatalogue } from './power-of-attorney-input';
import type { PowerOfAttorney } from './power-of-attorney.entity';
import { decidePower, type PowersOfAttorney } from './powers-of-attorney.service';

/** On what ground someone reads for another person: custody of a minor, or a power of attorney. */
export type RepresentationBasis = { kind: 'guardian' } | { kind: 'power'; powerId: string };

export type RepresentationRefusal =
  | 'NOT_MINOR'
  | 'NOT_GUARDIAN'
  | 'REGISTER_UNAVAILABLE'
  | 'GUARDIAN_SECRECY'
  | 'NO_POWER'
  | 'POWER_REVOKED'
  | 'POWER_NOT_YET_VALID'
  | 'POWER_EXPIRED'
  | 'OUT_OF_SCOPE';

/** May the representative read the subject's matters in one department, and on what basis; or why not (Swedish). */
export type Representation =
  { ok: true; basis: RepresentationBasis } | { ok: false; code: RepresentationRefusal; reason: string };

/** How the audit row and the access log name a basis: `guardian`, or `power:<id>`. */
export function basisKey(basis: RepresentationBasis): string {
  return basis.kind === 'guardian' ? 'guardian' : `power:${basis.powerId}`;
}

/** Where custody is read: the request's reader (one register read per request) or the hub's. */
export type CustodyReader = (personalNumber: string) => Promise<Custody>;

/**
 * Decides representation (issue 24, item 3). A guardian (vårdnadshavare in the population
 * register, read fresh or within its cache ttl, on the child's own record) reads a minor's
 * matters in every department not under secrecy; an ombud reads those a valid power names
 * (`*`: every department not under secrecy; a secrecy department only when named). Nothing is
 * kept between calls: custody and powers are read on every decision, and a register that
 * cannot answer confirms no custody (fail closed).
 */
export class Representations {
  constructor(
    private readonly powers: PowersOfAttorney,
    private readonly catalogue: DepartmentCatalogue,
    private readonly custody: CustodyReader,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** For the staff side too: may `representative` hear `subject`'s matters in `department` at `at`? */
  async representationOf(
    representativePn: string,
    subjectPn: string,
    department: string,
    at: Date = this.now(),
  ): Promise<Representation> {
    return (await this.decide(representativePn, subjectPn, [department], at)).get(department)!;
  }

  /** One decision per department, on one read of custody and one of the powers. */
  async decide(
    representativePn: string,
    subjectPn: string,
    departments: string[],
    at: Date = this.now(),
    custody: CustodyReader = this.custody,
  ): Promise<Map<string, Representation>> {
    const today = stockholmDate(at);
    const minor = isMinorOn(subjectPn, today);
    const [guardian, powers] = await Promise.all([
      minor ? this.guardianship(representativePn, subjectPn, custody) : Promise.resolve(NOT_MINOR),
      this.powers.between(representativePn, subjectPn),
    ]);
    return new Map(
      departments.map((department) => [department, this.decideOne(department, today, guardian, powers)]),
    );
  }

  /**
   * For staff answering a caller identified as `callerPn` (decision 0089): may the caller hear
   * `subjectPn`'s matters in `department`? As `decide`, except that custody of a minor opens a
   * secrecy department too: the department's own staff, holding its grant, answer the guardian
   * on the call and make the OSL 12:3 assessment there, which a citizen page cannot.
   */
  async forIdentifiedCaller(
    callerPn: string,
    subjectPn: string,
    department: string,
    at: Date = this.now(),
  ): Promise<Representation> {
    const today = stockholmDate(at);
    const [guardian, powers] = await Promise.all([
      isMinorOn(subjectPn, today)
        ? this.guardianship(callerPn, subjectPn, this.custody)
        : Promise.resolve(NOT_MINOR),
      this.powers.between(callerPn, subjectPn),
    ]);
    if (guardian.ok) return guardian;
    return this.decideOne(department, today, guardian, powers);
  }

  private decideOne(
    department: string,
    today: string,
    guardian: Representation,
    powers: PowerOfAttorney[],
  ): Representation {
    const secret = this.catalogue.isSecret(department);
    if (guardian.ok && !secret) return guardian;
    let refusal: Representation | undefined;
    for (const power of powers) {
      const decision = decidePower(power, department, today, this.catalogue);
      if (decision.ok) return { ok: true, basis: { kind: 'power', powerId: power.id } };
      // The newest power's reason tells most (they are newest first).
      refusal ??= { ok: false, code: decision.code, reason: decision.reason };
    }
    if (guardian.ok)
      return {
        ok: false,
        code: 'GUARDIAN_SECRECY',
        reason: `${department} omfattas av sekretess: en vårdnadshavare får svar av förvaltningen, som prövar det (OSL 12:3).`,
      };
    if (refusal) return refusal;
    if (guardian.code !== 'NOT_MINOR') return guardian;
    return {
      ok: false,
      code: 'NO_POWER',
      reason: 'Du är inte vårdnadshavare för ett barn under 18 år här och har ingen fullmakt från personen.',
    };
  }

  private async guardianship(
    representativePn: string,
    childPn: string,
    custody: CustodyReader,
  ): Promise<Representation> {
    const relations = await custody(childPn);
    if (!relations.ok)
      return {
        ok: false,
        code: 'REGISTER_UNAVAILABLE',
        reason: 'Folkbokföringen svarar inte just nu, så vårdnaden kan inte bekräftas. Försök igen senare.',
      };
    if (!relations.guardians.includes(representativePn))
      return {
        ok: false,
        code: 'NOT_GUARDIAN',
        reason: 'Du är inte vårdnadshavare för barnet enligt folkbokföringen.',
      };
    return { ok: true, basis: { kind: 'guardian' } };
  }
}

const NOT_MINOR: Representation = {
  ok: false,
  code: 'NOT_MINOR',
  reason: 'Personen har fyllt 18 år: en vårdnadshavare läser inte längre för personen.',
};
