import { satisfies } from 'semver';
import { SDK_VERSION, type PluginDefinition } from '@frontdoor/plugin-sdk';
import type { PluginSettings } from './plugin-settings';

/** A plugin that passed every check at boot, with its validated configuration. */
export interface LoadedPlugin {
  id: string;
  department: string;
  version: string;
  definition: PluginDefinition<unknown, unknown, unknown>;
  config: unknown;
  settings: PluginSettings;
}

/** Why the hub refuses to start with a plugin: names the plugin, the key and what was expected. */
export class PluginLoadError extends Error {
  constructor(
    readonly pluginId: string,
    detail: string,
  ) {
    super(`Plugin "${pluginId}": ${detail}`);
    this.name = 'PluginLoadError';
  }
}

export type ModuleLoader = (specifier: string) => unknown;

// Plugins are chosen by configuration at run time, so this import cannot be static.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const requireModule: ModuleLoader = (specifier) => require(specifier);

/**
 * Loads the enabled plugins named in configuration: imports each module, checks it is the
 * plugin the configuration names, that its SDK range includes this hub's SDK, and that its
 * configuration passes its own schema. Any failure stops the boot: a hub that silently
 * runs without a department would tell agents "no matters" when there are some.
 */
export function loadPlugins(
  settingsById: Record<string, PluginSettings>,
  load: ModuleLoader = requireModule,
): LoadedPlugin[] {
  const loaded: LoadedPlugin[] = [];
  for (const [id, settings] of Object.entries(settingsById)) {
    if (!settings.enabled) continue;
    const specifier = settings.module ?? `@frontdoor/plugin-${id}`;
    let exported: unknown;
    try {
      exported = load(specifier);
    } catch (error) {
      throw new PluginLoadError(id, `module "${specifier}" could not be loaded: ${(error as Error).message}`);
    }
    const definition = pickDefinition(exported);
    if (!definition) {
      throw new PluginLoadError(
        id,
        `module "${specifier}" exports no plugin (expected \`export const plugin = definePlugin(...)\`)`,
      );
    }
    if (definition.id !== id) {
      throw new PluginLoadError(id, `module "${specifier}" is the plugin "${definition.id}", not "${id}"`);
    }
    if (!satisfies(SDK_VERSION, definition.sdk)) {
      throw new PluginLoadError(
        id,
        `built for plugin SDK ${definition.sdk}, but this hub provides SDK ${SDK_VERSION}`,
      );
    }
    if (definition.connection && !settings.connection) {
      throw new PluginLoadError(
        id,
        'connection: required (the department system\'s baseUrl and auth, e.g. { "baseUrl": "https://…/", "auth": { "scheme": "api-key", "key": "…" } })',
      );
    }
    const config = definition.config.safeParse(settings.config);
    if (!config.success) {
      const issues = config.error.issues.map(
        (issue) => `config.${issue.path.join('.') || '(root)'}: ${issue.message}`,
      );
      throw new PluginLoadError(id, `invalid configuration: ${issues.join('; ')}`);
    }
    loaded.push({
      id,
      department: definition.department,
      version: definition.version,
      definition,
      config: config.data,
      settings,
    });
  }
  return loaded;
}

function pickDefinition(exported: unknown): PluginDefinition<unknown, unknown, unknown> | undefined {
  const candidate =
    (exported as { plugin?: unknown; default?: unknown } | undefined)?.plugin ??
    (exported as { default?: unknown })?.default;
  if (candidate && typeof candidate === 'object' && 'id' in candidate && 'person' in candidate) {
    return candidate as PluginDefinition<unknown, unknown, unknown>;
  }
  return undefined;
}
