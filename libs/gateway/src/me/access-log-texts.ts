import type { AccessLogGroup, LoadedPlugin, ReaderKind } from '@frontdoor/core';
import { detailFieldsOf } from '@frontdoor/plugin-sdk';

/** The kind of reader in plain Swedish; never a person's name or an internal role id. */
export const READER_TEXT: Record<ReaderKind, string> = {
  STAFF: 'Handläggare och kundtjänst',
  SYSTEM: 'Systemet',
  REPRESENTATIVE: 'Ombud',
  OTHER: 'Annan läsare hos kommunen',
};

/** The hub's own parts of a person's data, as the citizen would say them. */
const FIELD_GROUP_TEXT: Record<string, string> = {
  lookup: 'ditt namn och personnummer',
  statuses: 'dina ärenden hos förvaltningarna',
  sources: 'dina ärenden hos förvaltningarna',
  call: 'dina samtal till kundtjänst',
  callbackContact: 'dina kontaktuppgifter',
  casePerson: 'dina uppgifter i ett ärende',
  populationRecord: 'folkbokföringsuppgifter',
  cases: 'dina ärenden hos kommunen',
  audit: 'vem som har läst dina uppgifter',
};

/** Systems of the hub itself that the audit log names beside the departments' plugins. */
const HUB_SOURCE_TEXT: Record<string, string> = {
  cases: 'dina ärenden hos kommunen',
  audit: 'vem som har läst dina uppgifter',
};

/** The audit row's purpose of a representative's read when they give none. */
export const REPRESENTATIVE_PURPOSE = 'läser som vårdnadshavare eller ombud';

/** A representative as the person's access log names them: "Anna Andersson (vårdnadshavare)". */
export function representativeText(name: string | null, basis: string): string {
  const kinds = basis.split(',').map((b) => (b === 'guardian' ? 'vårdnadshavare' : 'ombud med fullmakt'));
  return `${name ?? 'Någon'} (${[...new Set(kinds)].join(', ')})`;
}

/** Said of anything the hub cannot name: an internal id never reaches the citizen. */
export const UNKNOWN_PART = 'andra uppgifter om dig';
export const UNKNOWN_DEPARTMENT = 'en av kommunens förvaltningar';
export const UNKNOWN_PURPOSE = 'en kontakt med kommunen';

/**
 * Turns a group's internal names into what the citizen reads: the department's display name
 * from the plugin registry, the hub's parts in plain words, the generic text for anything else.
 */
export class AccessLogTexts {
  private readonly departments = new Map<string, string>();
  /** A plugin's person field (e.g. childcareQueue) is told as its department. */
  private readonly fieldDepartments = new Map<string, string>();

  constructor(plugins: readonly LoadedPlugin[]) {
    for (const plugin of plugins) {
      this.departments.set(plugin.id, plugin.department);
      for (const { field } of detailFieldsOf(plugin.definition.person))
        this.fieldDepartments.set(field, plugin.department);
    }
  }

  thingsRead(group: Pick<AccessLogGroup, 'plugins' | 'fieldGroups'>): string[] {
    const things = new Set<string>();
    for (const plugin of group.plugins)
      things.add(this.departments.get(plugin) ?? HUB_SOURCE_TEXT[plugin] ?? UNKNOWN_DEPARTMENT);
    for (const field of group.fieldGroups)
      things.add(FIELD_GROUP_TEXT[field] ?? this.fieldDepartments.get(field) ?? UNKNOWN_PART);
    return [...things];
  }
}

/**
 * Why, in plain words. A purpose is a case id, a call id or a reason staff typed for themselves:
 * only a case of this citizen's own is named (by its reference); Mina ärenden is named; anything
 * else is the generic text, so words staff wrote for the log never reach the citizen.
 */
export function purposeText(purpose: string, ownCaseReferences: ReadonlyMap<string, string>): string {
  const reference = ownCaseReferences.get(purpose);
  if (reference) return `ditt ärende ${reference}`;
  if (purpose === 'Mina ärenden') return 'Mina ärenden (den nationella tjänsten)';
  if (purpose === REPRESENTATIVE_PURPOSE) return 'läste för din räkning';
  return UNKNOWN_PURPOSE;
}
