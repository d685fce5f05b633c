import { z } from 'zod';
import { definePlugin, type PluginDefinition } from '@frontdoor/plugin-sdk';
import { pluginSettingsSchema } from './plugin-settings';
import { loadPlugins, PluginLoadError } from './plugin-loader';

function fixture(overrides: Partial<PluginDefinition<{ baseUrl: string; apiKey: string }, unknown>> = {}) {
  return definePlugin({
    id: 'parking-permits',
    department: 'Parkering',
    version: '1.2.0',
    sdk: '^2',
    config: z.object({ baseUrl: z.url(), apiKey: z.string().min(1) }),
    person: { fetch: async () => null, answer: z.unknown(), statuses: () => [], whereabouts: [] },
    ...overrides,
  });
}

const settings = (raw: Record<string, unknown>) => pluginSettingsSchema.parse(raw);
const goodConfig = { config: { baseUrl: 'http://127.0.0.1:1/', apiKey: 'k' } };

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
      loadPlugins({ 'parking-permits': settings(goodConfig) }, () => ({ plugin: fixture({ sdk: '^3' }) })),
    );
    expect(error.message).toBe(
      'Plugin "parking-permits": built for plugin SDK ^3, but this hub provides SDK 2.0.0',
    );
  });

  it.each([
    [{ apiKey: 'k' }, 'config.baseUrl'],
    [{ baseUrl: 'not a url', apiKey: 'k' }, 'config.baseUrl'],
    [{ baseUrl: 'http://127.0.0.1/', apiKey: '' }, 'config.apiKey'],
  ])('refuses config %p naming the plugin and the key %s', (config, key) => {
    const error = loadError(() =>
      loadPlugins({ 'parking-permits': settings({ config }) }, () => ({ plugin: fixture() })),
    );
    expect(error.message).toMatch(
      new RegExp(`^Plugin "parking-permits": invalid configuration: ${key.replace('.', '\\.')}: `),
    );
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
      'childcare-queue': settings({ config: { baseUrl: 'http://127.0.0.1:4010/childcare/', apiKey: 'k' } }),
    });
    expect(loaded).toMatchObject({ id: 'childcare-queue', department: 'Förskola' });
  });
});
