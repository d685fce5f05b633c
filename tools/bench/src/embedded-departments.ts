import { sandboxConnection, type SandboxHandle, type SandboxSystem } from '@frontdoor/testing';

/** config/embedded.json's plugins and the sandbox system each reads (its connection's path). */
export const EMBEDDED_DEPARTMENTS = {
  'childcare-queue': 'childcare',
  'waste-collection': 'waste',
  invoicing: 'invoicing',
  'building-permits': 'permits',
  'income-support': 'income-support',
  'home-care': 'homecare',
  'child-youth': 'child-youth',
  parking: 'parking',
  swimming: 'swim',
  water: 'water',
  'chimney-sweep': 'chimney-sweep',
  'school-absence': 'school',
  'population-register': 'register',
} as const satisfies Record<string, SandboxSystem>;

export type EmbeddedPluginId = keyof typeof EMBEDDED_DEPARTMENTS;

/**
 * The plugins section for some of the embedded config's plugins against the sandbox, each
 * with the same settings (deadline, cache), as a bench's hub runs them.
 */
export function embeddedPlugins(
  sandbox: { url: string },
  ids: readonly EmbeddedPluginId[],
  settings: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(
    ids.map((id) => [id, { ...settings, connection: sandboxConnection(sandbox, EMBEDDED_DEPARTMENTS[id]) }]),
  );
}

/** Makes each plugin's sandbox system answer after `delayMs` (as over a municipality's network). */
export async function slowDepartments(
  sandbox: Pick<SandboxHandle, 'setFault'>,
  ids: readonly EmbeddedPluginId[],
  delayMs: number,
): Promise<void> {
  for (const id of ids) await sandbox.setFault({ system: EMBEDDED_DEPARTMENTS[id], mode: 'slow', delayMs });
}
