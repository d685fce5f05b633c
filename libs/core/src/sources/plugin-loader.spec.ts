import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { definePlugin, type PluginDeclaration } from '@frontdoor/plugin-sdk';
import { pluginSettingsSchema } from './plugin-settings';
import { INSTALLED_PLUGINS_DIR, loadPlugins, pluginModuleLoader, PluginLoadError } from './plugin-loader';

function fixture(overrides: Partial<PluginDeclaration<{ zone: string }, unknown>> = {}) {
  return definePlugin({
    id: 'parking-permits',
    department: 'Parkering',
    version: '1.2.0',
    sdk: '^4',
    config: z.object({ zone: z.string().min(1) }),
    connection: { healthPath: 'api/v1/health' },
    person: {
      fetch: async () => null,
      answer: z.unknown(),
      statuses: () => [],
      whereabouts: [],
      placeIds: [],
    },
    ...overrides,
  });
}

const settings = (raw: Record<string, unknown>) => pluginSettingsSchema.parse(raw);
const goodConfig = {
  connection: { baseUrl: 'http://127.0.0.1:1/', auth: { scheme: 'api-key', key: 'k' } },
  config: { zone: 'A' },
};

function loadError(run: () => unknown): PluginLoadError {
  try {
    run();
  } catch (error) {
    if (error instanceof PluginLoadError) return error;
    throw error;
  }
  throw new Error('expected a PluginLoadError');
}

describe('loadPlugins', () => {
  it('loads an enabled plugin with its validated config, from @frontdoor/plugin-<id> by default', () => {
    const asked: string[] = [];
    const [loaded] = loadPlugins({ 'parking-permits': settings(goodConfig) }, (spec) => {
      asked.push(spec);
      return { plugin: fixture() };
    });
    expect(asked).toEqual(['@frontdoor/plugin-parking-permits']);
    expect(loaded).toMatchObject({
      id: 'parking-permits',
      department: 'Parkering',
      version: '1.2.0',
      config: goodConfig.config,
    });
  });

  it('uses the module named in config, and accepts a default export', () => {
    const [loaded] = loadPlugins(
      { 'parking-permits': settings({ ...goodConfig, module: '@kommun/parkering' }) },
      (spec) => (spec === '@kommun/parkering' ? { default: fixture() } : undefined),
    );
    expect(loaded.id).toBe('parking-permits');
  });

  it('skips a disabled plugin without importing it', () => {
    const loaded = loadPlugins({ 'parking-permits': settings({ enabled: false }) }, () => {
      throw new Error('must not be imported');
    });
    expect(loaded).toEqual([]);
  });

  it('refuses a plugin built for another SDK major, naming both versions', () => {
    const error = loadError(() =>
      loadPlugins({ 'parking-permits': settings(goodConfig) }, () => ({ plugin: fixture({ sdk: '^2' }) })),
    );
    expect(error.message).toBe(
      'Plugin "parking-permits": built for plugin SDK ^2, but this hub provides SDK 4.4.0',
    );
  });

  it.each([
    [{}, 'config.zone'],
    [{ zone: '' }, 'config.zone'],
  ])('refuses config %p naming the plugin and the key %s', (config, key) => {
    const error = loadError(() =>
      loadPlugins({ 'parking-permits': settings({ ...goodConfig, config }) }, () => ({ plugin: fixture() })),
    );
    expect(error.message).toMatch(
      new RegExp(`^Plugin "parking-permits": invalid configuration: ${key.replace('.', '\\.')}: `),
    );
  });

  it('refuses a plugin that declares a connection when the installation gives none', () => {
    const error = loadError(() =>
      loadPlugins({ 'parking-permits': settings({ config: { zone: 'A' } }) }, () => ({ plugin: fixture() })),
    );
    expect(error.message).toContain('Plugin "parking-permits": connection: required');
  });

  it('refuses a connection without a base URL or with a broken auth, naming the key', () => {
    for (const [connection, key] of [
      [{ auth: { scheme: 'none' } }, 'connection.baseUrl'],
      [{ baseUrl: 'http://h/', auth: { scheme: 'api-key' } }, 'connection.auth.key'],
    ] as const) {
      const parsed = pluginSettingsSchema.safeParse({ connection });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues.map((i) => i.path.join('.'))).toContain(key);
    }
  });

  it('names a module that cannot be found', () => {
    const error = loadError(() => loadPlugins({ 'no-such': settings({}) }));
    expect(error.message).toContain(
      'Plugin "no-such": module "@frontdoor/plugin-no-such" could not be loaded',
    );
  });

  it('refuses a module that exports no plugin, or another plugin than configured', () => {
    expect(
      loadError(() => loadPlugins({ 'parking-permits': settings(goodConfig) }, () => ({ something: 1 })))
        .message,
    ).toContain('exports no plugin');
    expect(
      loadError(() =>
        loadPlugins({ 'waste-collection': settings(goodConfig) }, () => ({ plugin: fixture() })),
      ).message,
    ).toContain('is the plugin "parking-permits", not "waste-collection"');
  });

  it('loads the real childcare-queue plugin through the workspace package', () => {
    const [loaded] = loadPlugins({
      'childcare-queue': settings({
        connection: { baseUrl: 'http://127.0.0.1:4010/childcare/', auth: { scheme: 'api-key', key: 'k' } },
      }),
    });
    expect(loaded).toMatchObject({ id: 'childcare-queue', department: 'Förskola' });
  });
});

/**
 * A plugin installed from its tarball into the hub's installed-plugins/ folder (docs/plugin-guide.md §9):
 * found by its package name, and given the hub's own SDK, never a copy found elsewhere.
 */
describe('pluginModuleLoader: plugins installed in installed-plugins/', () => {
  const hub = mkdtempSync(join(tmpdir(), 'frontdoor-hub-'));
  const installed = join(hub, INSTALLED_PLUGINS_DIR, 'node_modules/@kommun/plugin-demo');
  // A stray SDK above the folder, where Node would look if nothing pinned the hub's copy.
  const stray = join(hub, 'node_modules/@frontdoor/plugin-sdk');

  beforeAll(() => {
    mkdirSync(installed, { recursive: true });
    writeFileSync(
      join(installed, 'package.json'),
      JSON.stringify({ name: '@kommun/plugin-demo', main: 'index.js' }),
    );
    writeFileSync(
      join(installed, 'index.js'),
      "module.exports = { sdk: () => require('@frontdoor/plugin-sdk'), zod: () => require('zod') };\n",
    );
    mkdirSync(stray, { recursive: true });
    writeFileSync(
      join(stray, 'package.json'),
      JSON.stringify({ name: '@frontdoor/plugin-sdk', main: 'index.js' }),
    );
    writeFileSync(join(stray, 'index.js'), 'module.exports = { stray: true };\n');
  });
  afterAll(() => rmSync(hub, { recursive: true, force: true }));

  it('finds an installed plugin by its package name, and a relative path from the hub’s folder', () => {
    const load = pluginModuleLoader(hub);
    expect(load('@kommun/plugin-demo')).toHaveProperty('sdk');
    expect(load('./installed-plugins/node_modules/@kommun/plugin-demo')).toHaveProperty('sdk');
    expect(() => load('@kommun/plugin-missing')).toThrow(/@kommun\/plugin-missing/);
  });

  it('gives an installed plugin the hub’s SDK and zod (plain Node, as in production)', () => {
    // Jest resolves modules itself, so this runs where Node's own resolution applies.
    const script = `
      const { pluginModuleLoader } = require(${JSON.stringify(join(__dirname, 'plugin-loader.ts'))});
      const loaded = pluginModuleLoader(${JSON.stringify(hub)})('@kommun/plugin-demo');
      console.log(JSON.stringify({
        sameSdk: loaded.sdk() === require('@frontdoor/plugin-sdk'),
        sameZod: loaded.zod() === require('zod'),
        stray: Boolean(loaded.sdk().stray),
      }));`;
    const output = execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', script], {
      cwd: join(__dirname, '../../../..'),
      encoding: 'utf8',
    });
    expect(JSON.parse(output)).toEqual({ sameSdk: true, sameZod: true, stray: false });
  }, 60_000);
});
