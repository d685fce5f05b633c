import Module from 'node:module';
import { join, resolve, sep } from 'node:path';
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

/**
 * The hub's folder for plugins installed from their tarballs (`npm install ./x.tgz` there), beside
 * its own node_modules: docs/plugin-guide.md §9, docs/deployment.md.
 */
export const INSTALLED_PLUGINS_DIR = 'installed-plugins';

/**
 * The peer dependencies a plugin shares with the hub (those of the SDK's package): an installed
 * plugin must get the hub's very copies (one GraphQL schema, one set of error classes).
 */
const HUB_PEERS = ['@frontdoor/plugin-sdk', '@nestjs/graphql', 'graphql', 'typeorm', 'zod'];

/**
 * Loads a plugin's module as the configuration names it: a package name is looked for among the
 * hub's own packages, then in `<hubDir>/installed-plugins`; a relative path is relative to
 * `hubDir` (where the hub is started: the repository, /app in the image).
 */
export function pluginModuleLoader(hubDir: string = process.cwd()): ModuleLoader {
  const installed = join(hubDir, INSTALLED_PLUGINS_DIR);
  return (specifier) => {
    const request = specifier.startsWith('.') ? resolve(hubDir, specifier) : specifier;
    // Plugins are chosen by configuration at run time, so this import cannot be static.
    const path = require.resolve(request, { paths: [__dirname, installed] });
    if (path.startsWith(`${installed}${sep}`)) shareHubPeers(installed);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(path);
  };
}

let peersShared = false;

/**
 * An installed plugin's `require('@frontdoor/plugin-sdk')` (or zod, GraphQL…) resolves to the
 * hub's copy, the one this module uses. Without it Node would find node_modules/@frontdoor/plugin-sdk
 * above the folder, which in the production bundle is the TypeScript source (or, in the image,
 * nothing), not the compiled package the hub runs (dist/node_modules). Jest resolves modules
 * itself; there the folder's place below the hub's node_modules gives the same copies.
 */
function shareHubPeers(installed: string): void {
  if (peersShared) return;
  peersShared = true;
  const loader = Module as unknown as {
    _resolveFilename(request: string, parent: NodeJS.Module | undefined, ...rest: unknown[]): string;
  };
  const original = loader._resolveFilename;
  loader._resolveFilename = function (request, parent, ...rest) {
    const peer = HUB_PEERS.some((name) => request === name || request.startsWith(`${name}/`));
    if (peer && parent?.filename?.startsWith(`${installed}${sep}`))
      return original.call(this, request, module, ...rest);
    return original.call(this, request, parent, ...rest);
  };
}

/**
 * Loads the enabled plugins named in configuration: imports each module, checks it is the
 * plugin the configuration names, that its SDK range includes this hub's SDK, and that its
 * configuration passes its own schema. Any failure stops the boot: a hub that silently
 * runs without a department would tell agents "no matters" when there are some.
 */
export function loadPlugins(
  settingsById: Record<string, PluginSettings>,
  load: ModuleLoader = pluginModuleLoader(),
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
