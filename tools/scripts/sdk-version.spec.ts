import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { satisfies } from 'semver';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { SDK_VERSION } from '@frontdoor/plugin-sdk';
import { pluginGenerator } from '@frontdoor/plugin-generator';

const ROOT = resolve(__dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/**
 * One SDK version everywhere (issue 23: a workspace package at 0.1.0 and SDK_VERSION at 3.0.0 made
 * npm loop on a plugin's peer range): the workspace package, the constant, the lock, what the
 * generator writes, the plugins' ranges and every tarball name the docs give.
 */
describe('the plugin SDK has one version', () => {
  it('the workspace package and the lock say SDK_VERSION', () => {
    expect(JSON.parse(read('libs/plugin-sdk/package.json')).version).toBe(SDK_VERSION);
    expect(JSON.parse(read('package-lock.json')).packages['libs/plugin-sdk'].version).toBe(SDK_VERSION);
  });

  it('the generator asks for it: the plugin’s sdk range, the peer range and the tarball', async () => {
    const tree = createTreeWithEmptyWorkspace();
    await pluginGenerator(tree, { name: 'parking-permits', department: 'Parkering', standalone: true });
    const manifest = JSON.parse(tree.read('plugins/parking-permits/package.json', 'utf8')!);
    expect(satisfies(SDK_VERSION, manifest.peerDependencies['@frontdoor/plugin-sdk'])).toBe(true);
    expect(manifest.devDependencies['@frontdoor/plugin-sdk']).toBe(
      `file:frontdoor-plugin-sdk-${SDK_VERSION}.tgz`,
    );
    const source = tree.read('plugins/parking-permits/src/parking-permits.plugin.ts', 'utf8')!;
    const range = /sdk: '([^']+)'/.exec(source)![1];
    expect(satisfies(SDK_VERSION, range)).toBe(true);
    expect(range).toBe(`^${SDK_VERSION.split('.')[0]}`);
  });

  it('the workspace’s plugins are built for it', () => {
    for (const plugin of readdirSync(join(ROOT, 'plugins'))) {
      const source = read(`plugins/${plugin}/src/${plugin}.plugin.ts`);
      expect([plugin, satisfies(SDK_VERSION, /sdk: '([^']+)'/.exec(source)![1])]).toEqual([plugin, true]);
    }
  });

  it('every SDK tarball name in the docs and READMEs is this version’s', () => {
    const files = [
      ...readdirSync(join(ROOT, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
      'README.md',
      'libs/plugin-sdk/README.md',
      'tools/plugin-generator/README.md',
      'tools/scripts/README.md',
      'tools/scripts/pack-sdk.js',
      'installed-plugins/README.md',
    ];
    const named = files.flatMap((file) =>
      [...read(file).matchAll(/frontdoor-plugin-sdk-(\d+\.\d+\.\d+)\.tgz/g)].map((m) => [file, m[1]]),
    );
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter(([, version]) => version !== SDK_VERSION)).toEqual([]);
  });
});
