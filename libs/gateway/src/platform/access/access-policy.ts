import {
  belongsToGroup,
  forbidden,
  type CaseSetup,
  type LoadedPlugin,
  type MandateGrant,
  type MandateGrants,
  MemoryChangeSignal,
  type ChangeSignal,
} from '@frontdoor/core';
import { DEFAULT_ROLE_MANDATES, type AccessConfig, type PurposeReason } from '@frontdoor/config';
import type { SecrecyDeclaration } from '@frontdoor/plugin-sdk';
import type { Principal } from '../auth/principal';
import { ConfigError } from '../config/gateway-config';
import { CallerIdentifiedGate } from './identified-for';

/** What a token claim may carry to clear a reader for protected identities. */
export const PROTECTED_IDENTITY_CLEARANCE = 'protected-identity';

const EVERY_DEPARTMENT = '*';
/** A backstop: grants are reloaded at least this often even when no change was signalled. */
const GRANT_REFRESH_MS = 30_000;
/** When the change signal cannot be read (Redis down): trust the loaded grants this long only. */
const UNSIGNALLED_REFRESH_MS = 1_000;

/**
 * Decides who may see and do what, before any plugin is called: mandate levels per
 * department (config, overridden by admins' grants), answer-group membership, clearance
 * for protected identities, and whether a lookup needs a purpose. Plugins only declare
 * their levels; this is the one place that compares them with the reader's.
 */
export class AccessPolicy {
  private grants = new Map<string, number>();
  private grantsLoadedAt = 0;
  private grantsVersion?: string;
  /** Whether the caller is identified for a secrecy department (decision 0076); the hub wires its store. */
  readonly identification: CallerIdentifiedGate;

  constructor(
    private readonly config: AccessConfig,
    private readonly cases: CaseSetup,
    readonly departments: string[],
    private readonly store: MandateGrants,
    private readonly now: () => number = Date.now,
    /** Bumped on every grant and revoke; shared through Redis when there are several gateways. */
    private readonly changes: ChangeSignal = new MemoryChangeSignal(),
    /** The departments under a secrecy statute (closed until a grant naming them is approved), with the statute. */
    private readonly secrecy: ReadonlyMap<string, SecrecyDeclaration> = new Map(),
  ) {
    const problems = accessConfigProblems(config, cases, departments, secrecy);
    if (problems.length) throw new ConfigError(problems);
    this.identification = new CallerIdentifiedGate(config.identification, (principal) =>
      this.answerGroupsOf(principal),
    );
  }

  static forPlugins(
    config: AccessConfig,
    cases: CaseSetup,
    plugins: LoadedPlugin[],
    store: MandateGrants,
    now?: () => number,
    changes?: ChangeSignal,
  ): AccessPolicy {
    return new AccessPolicy(
      config,
      cases,
      [...new Set(plugins.map((p) => p.department))],
      store,
      now,
      changes,
      departmentSecrecy(plugins),
    );
  }

  /** The department's secrecy class as its plugins declare it (`personal` when none says). */
  secrecyOf(department: string): SecrecyDeclaration {
    return this.secrecy.get(department) ?? { class: 'personal' };
  }

  /** Whether the department is under a secrecy statute: closed until an approved grant names it. */
  isSecret(department: string): boolean {
    return this.secrecyOf(department).class === 'secrecy';
  }

  get answerGroupKeys(): string[] {
    return this.cases.answerGroups.map((g) => g.key);
  }

  get identificationSettings(): AccessConfig['identification'] {
    return this.config.identification;
  }

  get purposeRequired(): boolean {
    return this.config.purpose.required;
  }

  /** The purposes staff choose from (`access.purpose.reasons`). */
  get purposeReasons(): PurposeReason[] {
    return this.config.purpose.reasons;
  }

  /** Whether staff read the department's data only with a purpose chosen from the list (`access.purpose.requiredIn`). */
  purposeNeededIn(department: string): boolean {
    return this.config.purpose.requiredIn.includes(department);
  }

  /** The answer groups the reader belongs to: from their token, and as member or manager in the case setup. */
  answerGroupsOf(principal: Principal): string[] {
    const groups = new Set(principal.answerGroups ?? []);
    for (const group of this.cases.answerGroups)
      if (belongsToGroup(group, principal.subject)) groups.add(group.key);
    return [...groups].sort();
  }

  /** The reader's mandate level in a department: the higher of their role's and their answer groups' levels. */
  async mandateIn(principal: Principal, department: string): Promise<number> {
    await this.loadGrants();
    return this.loadedLevel(principal, department);
  }

  /** The reader's level in each department, on one check of the grants (one Redis read, not one per department). */
  async mandatesIn(principal: Principal, departments: string[]): Promise<Map<string, number>> {
    await this.loadGrants();
    return new Map(departments.map((department) => [department, this.loadedLevel(principal, department)]));
  }

  private loadedLevel(principal: Principal, department: string): number {
    let level = this.levelOf('role', principal.role, department);
    for (const group of this.answerGroupsOf(principal))
      level = Math.max(level, this.levelOf('answer_group', group, department));
    return level;
  }

  /** Throws FORBIDDEN naming the department and both levels unless the reader holds `needed`. */
  async assertMandate(
    principal: Principal,
    department: string,
    needed: number,
    operation: string,
  ): Promise<void> {
    const held = await this.mandateIn(principal, department);
    if (held < needed) {
      throw forbidden(
        `${operation} needs mandate level ${needed} in ${department}; the ${principal.role} role here has level ${held}.`,
      );
    }
  }

  /** Whether the reader may see protected people's whereabouts: a token clearance, or a cleared role or answer group. */
  clearedForProtectedIdentity(principal: Principal): boolean {
    const { clearedRoles, clearedAnswerGroups } = this.config.protectedIdentity;
    if (principal.clearances?.includes(PROTECTED_IDENTITY_CLEARANCE)) return true;
    if (clearedRoles.includes(principal.role)) return true;
    return this.answerGroupsOf(principal).some((group) => clearedAnswerGroups.includes(group));
  }

  /**
   * The configured level (before grants), for the admin's overview. A secrecy department has
   * none: `*` does not reach it and the configuration may not name it (accessConfigProblems).
   */
  configuredLevel(kind: 'role' | 'answer_group', key: string, department: string): number | null {
    if (this.isSecret(department) && !(kind === 'role' && key === 'citizen')) return null;
    const table =
      kind === 'role'
        ? { ...DEFAULT_ROLE_MANDATES, ...this.config.mandates.roles }
        : this.config.mandates.answerGroups;
    const levels = (table as Record<string, Record<string, number> | undefined>)[key];
    return levels?.[department] ?? levels?.[EVERY_DEPARTMENT] ?? null;
  }

  /** Reads the granted levels from the database now (the admin's overview must not be 30 s behind). */
  async refreshGrants(): Promise<void> {
    this.grantsLoadedAt = 0;
    this.grantsVersion = undefined;
    await this.loadGrants();
  }

  /** A role's or group's level in a department: configured, granted at run time, and in effect (as of the last grant read). */
  levels(
    kind: 'role' | 'answer_group',
    key: string,
    department: string,
  ): { configured: number | null; granted: number | null; effective: number } {
    return {
      configured: this.configuredLevel(kind, key, department),
      granted: this.grants.get(grantKey(kind, key, department)) ?? null,
      effective: this.levelOf(kind, key, department),
    };
  }

  /**
   * Call after a grant or revoke: this gateway reloads at once, and every other gateway sees the
   * bumped version before its next mandate decision (Redis), so a revoked mandate stops
   * working everywhere at once. With Redis down, the others reload every second.
   */
  async invalidateGrants(): Promise<void> {
    this.grantsLoadedAt = 0;
    this.grantsVersion = undefined;
    await this.changes.bump();
  }

  private levelOf(kind: 'role' | 'answer_group', key: string, department: string): number {
    // Closed by default: only an approved grant naming the department opens it, never `*`. Not
    // for the citizen: the hub lets a citizen read only themselves, and secrecy does not hold
    // against the person it protects (OSL 12 kap. 1 §).
    if (this.isSecret(department) && !(kind === 'role' && key === 'citizen'))
      return this.grants.get(grantKey(kind, key, department)) ?? 0;
    return (
      this.grants.get(grantKey(kind, key, department)) ??
      this.grants.get(grantKey(kind, key, EVERY_DEPARTMENT)) ??
      this.configuredLevel(kind, key, department) ??
      0
    );
  }

  private async loadGrants(): Promise<void> {
    const version = await this.changes.version();
    const age = this.now() - this.grantsLoadedAt;
    const current =
      version === undefined
        ? age < UNSIGNALLED_REFRESH_MS
        : version === this.grantsVersion && age < GRANT_REFRESH_MS;
    if (current) return;
    const grants: MandateGrant[] = await this.store.list();
    this.grants = new Map(grants.map((g) => [grantKey(g.targetKind, g.targetKey, g.department), g.level]));
    this.grantsLoadedAt = this.now();
    this.grantsVersion = version;
  }
}

/** What is wrong with the access section given the plugins' departments and the answer groups; empty when fine. */
export function accessConfigProblems(
  config: AccessConfig,
  cases: CaseSetup,
  departments: string[],
  secrecy: ReadonlyMap<string, SecrecyDeclaration> = new Map(),
): string[] {
  const known = new Set([...departments, EVERY_DEPARTMENT]);
  const groups = new Set(cases.answerGroups.map((g) => g.key));
  const problems: string[] = [];
  const check = (path: string, levels: Record<string, number>) => {
    for (const department of Object.keys(levels)) {
      if (!known.has(department))
        problems.push(`${path}: unknown department "${department}" (known: ${[...known].join(', ')})`);
      const secret = secrecy.get(department);
      if (secret?.class === 'secrecy')
        problems.push(
          `${path}: "${department}" is a secrecy department (${secret.statute}); a configuration file cannot open it: an admin grants it at run time (grantMandate) and a second admin approves it (approveMandateGrant)`,
        );
    }
  };
  for (const [role, levels] of Object.entries(config.mandates.roles))
    check(`access.mandates.roles.${role}`, levels ?? {});
  for (const [group, levels] of Object.entries(config.mandates.answerGroups)) {
    if (!groups.has(group))
      problems.push(
        `access.mandates.answerGroups.${group}: no answer group with this key in cases.answerGroups`,
      );
    check(`access.mandates.answerGroups.${group}`, levels);
  }
  for (const department of config.purpose.requiredIn) {
    if (!departments.includes(department))
      problems.push(
        `access.purpose.requiredIn: unknown department "${department}" (known: ${departments.join(', ')})`,
      );
  }
  for (const group of config.protectedIdentity.clearedAnswerGroups) {
    if (!groups.has(group))
      problems.push(
        `access.protectedIdentity.clearedAnswerGroups: no answer group "${group}" in cases.answerGroups`,
      );
  }
  for (const group of config.identification.requiredFor.answerGroups) {
    if (!groups.has(group))
      problems.push(
        `access.identification.requiredFor.answerGroups: no answer group "${group}" in cases.answerGroups`,
      );
  }
  return problems;
}

/** Each department's secrecy as its plugins declare it; where two plugins disagree, the stricter wins. */
export function departmentSecrecy(plugins: LoadedPlugin[]): Map<string, SecrecyDeclaration> {
  const strictness = { open: 0, personal: 1, secrecy: 2 } as const;
  const byDepartment = new Map<string, SecrecyDeclaration>();
  for (const plugin of plugins) {
    const declared = plugin.definition.secrecy ?? { class: 'personal' };
    const held = byDepartment.get(plugin.department);
    if (!held || strictness[declared.class] > strictness[held.class])
      byDepartment.set(plugin.department, declared);
  }
  return byDepartment;
}

function grantKey(kind: string, key: string, department: string): string {
  return `${kind}\u0000${key}\u0000${department}`;
}
