import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SDK_VERSION } from '@frontdoor/plugin-sdk';

const ROOT = resolve(__dirname, '../..');
const GUIDE = join(ROOT, 'docs/plugin-guide.md');
const MARKER = '<!-- sdk-package.spec.ts runs this block -->';

/** The shell block of docs/plugin-guide.md §9, as written, cut at its blank lines into steps. */
function guideSteps(): string[] {
  const text = readFileSync(GUIDE, 'utf8');
  const at = text.indexOf(MARKER);
  if (at < 0) throw new Error(`${GUIDE}: no "${MARKER}"`);
  const block = /```sh\n([\s\S]*?)```/.exec(text.slice(at));
  if (!block) throw new Error(`${GUIDE}: no sh block after the marker`);
  return block[1].split(/\n\s*\n/).map((step) => step.trim());
}

/**
 * A plugin from another repository, the way docs/plugin-guide.md §9 says, every command as
 * written there (issue 23): the hub packs the SDK; the generator writes a standalone plugin into a
 * scratch folder outside the workspace; there `npm install` (the SDK from its tarball, the rest from
 * the npm cache through the lock the generator cut from the hub's), `npm test` (the contract kit)
 * and `npm pack`; the tarball installs with plain `npm install` in the hub's installed-plugins/,
 * leaving the hub's own packages as they were; the hub, with the package named in config, answers
 * through the plugin. Nothing is resolved anew: npm runs with --prefer-offline.
 */
describe('docs/plugin-guide.md §9: a plugin from its own repository, installed into the hub', () => {
  const repos = mkdtempSync(join(tmpdir(), 'frontdoor-dept-repos-'));
  const repo = join(repos, 'parking-permits');
  const installed = join(ROOT, 'installed-plugins');
  const kept = ['package.json', 'package-lock.json'].map((file) => {
    const path = join(installed, file);
    return { path, text: readFileSync(path, 'utf8') };
  });
  const hadNodeModules = existsSync(join(installed, 'node_modules'));
  // A plugin installed here before this run (someone followed the guide) stays; the spec's own goes.
  const pluginDir = join(installed, 'node_modules/@kommun/plugin-parking-permits');
  const hadPlugin = existsSync(pluginDir);
  const hubManifests = ['package.json', 'package-lock.json'].map((file) =>
    readFileSync(join(ROOT, file), 'utf8'),
  );
  const steps = guideSteps();

  /** One step of the guide in bash, in the guide's variables; its output (stdout and stderr). */
  const run = (step: string) => {
    try {
      return execFileSync('bash', ['-euo', 'pipefail', '-c', `exec 2>&1\n${step}`], {
        encoding: 'utf8',
        env: {
          ...process.env,
          HUB: ROOT,
          REPOS: repos,
          npm_config_prefer_offline: 'true',
          npm_config_audit: 'false',
          npm_config_fund: 'false',
          npm_config_update_notifier: 'false',
          NX_DAEMON: 'false',
          NX_NO_CLOUD: 'true',
        },
        timeout: 240_000,
      });
    } catch (error) {
      const { stdout, message } = error as { stdout?: string; message: string };
      throw new Error(`the guide's step failed:\n${step}\n---\n${stdout ?? ''}\n${message}`);
    }
  };

  afterAll(async () => {
    for (const { path, text } of kept) writeFileSync(path, text);
    if (!hadNodeModules) rmSync(join(installed, 'node_modules'), { recursive: true, force: true });
    else if (!hadPlugin) rmSync(pluginDir, { recursive: true, force: true });
    for (const file of readdirSync(installed))
      if (file.startsWith('kommun-plugin-parking-permits-')) rmSync(join(installed, file));
    rmSync(repos, { recursive: true, force: true });
  });

  it('has three steps: the hub packs and generates, the plugin’s repository tests and packs, the hub installs', () => {
    expect(steps).toHaveLength(3);
    expect(steps[0]).toContain('npm run pack:sdk');
    expect(steps[1]).toContain('npm test');
    expect(steps[2]).toContain('cd "$HUB/installed-plugins"');
  });

  it('packs the SDK with its contract version, compiled, and writes the plugin outside the workspace', () => {
    run(steps[0]);
    const sdkTarball = join(ROOT, `dist/packages/frontdoor-plugin-sdk-${SDK_VERSION}.tgz`);
    const manifest = JSON.parse(
      execFileSync('tar', ['-xzOf', sdkTarball, 'package/package.json'], { encoding: 'utf8' }),
    );
    expect(manifest).toMatchObject({ name: '@frontdoor/plugin-sdk', version: SDK_VERSION, main: 'index.js' });
    expect(Object.keys(manifest.peerDependencies).sort()).toEqual([
      '@nestjs/graphql',
      'graphql',
      'typeorm',
      'zod',
    ]);
    const plugin = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    expect(plugin.peerDependencies['@frontdoor/plugin-sdk']).toBe(`^${SDK_VERSION.split('.')[0]}.0.0`);
    expect(plugin.scripts.test).toBe('jest');
    expect(existsSync(join(repo, 'package-lock.json'))).toBe(true);
  }, 240_000);

  it('installs, passes the contract kit and packs in the plugin’s own repository', () => {
    const output = run(steps[1]);
    expect(output).toMatch(/Tests: +1\d passed, 1\d total/);
    expect(output).not.toMatch(/failed/);
    const plugin = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    // npm left the peer a peer (`npm install ./sdk.tgz` would have made it a file: dependency).
    expect(plugin.peerDependencies['@frontdoor/plugin-sdk']).toMatch(/^\^\d+\.0\.0$/);
    expect(existsSync(join(repo, 'kommun-plugin-parking-permits-0.1.0.tgz'))).toBe(true);
  }, 300_000);

  it('installs into the hub’s installed-plugins/ with plain npm install, leaving the hub’s own packages alone', () => {
    run(steps[2]);
    expect(existsSync(join(installed, 'node_modules/@kommun/plugin-parking-permits/dist/index.js'))).toBe(
      true,
    );
    // The peers stay the hub's: no copy of the SDK, zod or GraphQL beside the plugin.
    for (const peer of ['@frontdoor', 'zod', 'graphql', '@nestjs'])
      expect(existsSync(join(installed, 'node_modules', peer))).toBe(false);
    // The hub's package.json and lock as they were (so the console's packages, react-is among them, too).
    expect(
      ['package.json', 'package-lock.json'].map((file) => readFileSync(join(ROOT, file), 'utf8')),
    ).toEqual(hubManifests);
    expect(existsSync(join(ROOT, 'node_modules/react-is/package.json'))).toBe(true);
  }, 120_000);

  it('answers through the hub with the plugin named in config by its package name', () => {
    // A plain Node process: the hub resolves the package as production does (see the script).
    const printed = execFileSync(
      process.execPath,
      ['-r', '@swc-node/register', join(ROOT, 'tools/scripts/installed-plugin-answers.ts'), repo],
      { cwd: ROOT, encoding: 'utf8', timeout: 110_000, env: { ...process.env, LOG_LEVEL: 'silent' } },
    );
    const { data, errors } = JSON.parse(printed.trim().split('\n').at(-1)!) as {
      data?: {
        plugins: { id: string }[];
        person: {
          statuses: { source: string; reference: string }[];
          sources: { plugin: string; state: string }[];
        };
      };
      errors?: unknown;
    };
    expect(errors).toBeUndefined();
    expect(data!.plugins.map((p) => p.id)).toEqual(['parking-permits']);
    expect(data!.person.sources).toEqual([{ plugin: 'parking-permits', state: 'OK' }]);
    expect(data!.person.statuses.map((s) => s.reference).sort()).toEqual(['M-1', 'M-2']);
  }, 120_000);
});
