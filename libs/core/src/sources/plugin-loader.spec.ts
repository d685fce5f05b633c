import { z } from 'zod';
import { definePlugin, type PluginDeclaration } from '@frontdoor/plugin-sdk';
import { pluginSettingsSchema } from './plugin-settings';
import { loadPlugins, PluginLoadError } from './plugin-loader';

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
      'Plugin "parking-permits": built for plugin SDK ^2, but this hub provides SDK 4.0.0',
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
