import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { SDK_VERSION } from '@frontdoor/plugin-sdk';
import { startHub, type TestHub } from '@frontdoor/testing';
import { pluginGenerator } from '@frontdoor/plugin-generator';

const ROOT = resolve(__dirname, '../..');
const node = (args: string[], cwd: string) =>
  execFileSync(process.execPath, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline'], { cwd, encoding: 'utf8' });

/** The range the hub is built with, so the scratch repository gets what is tested here. */
const rangeOf = (name: string) => {
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return `${name}@${root.dependencies[name] ?? root.devDependencies[name]}`;
};

/**
 * A plugin can live outside this repository (issue: "a plugin can live outside this
 * repository"): the SDK packs as a tarball versioned with its contract; the generator writes a
 * standalone plugin into a scratch folder outside the workspace; the tarball installs there,
 * the plugin builds there and passes the contract kit there; its own tarball then installs
 * into a hub and loads through `module:` in config.
 */
describe('the plugin SDK as a package, and a plugin from another repository', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'frontdoor-dept-repo-'));
  const repo = join(scratch, 'parking-permits');
  const hubInstall = join(ROOT, 'tmp', `hub-install-${process.pid}`);
  let sdkTarball: string;
  let pluginTarball: string;
  let hub: TestHub | undefined;
  let fakeSystem: { connection: unknown; close(): Promise<void> } | undefined;

  beforeAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    sdkTarball = (require(join(ROOT, 'tools/scripts/pack-sdk.js')) as { pack(): string }).pack();
    const tree = createTreeWithEmptyWorkspace();
    await pluginGenerator(tree, {
      name: 'parking-permits',
      department: 'Parkering',
      directory: '.',
      standalone: true,
    });
    for (const change of tree.listChanges()) {
      if (!change.path.startsWith('parking-permits/') || change.type === 'DELETE') continue;
      const target = join(scratch, change.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, change.content!);
    }
  }, 120_000);

  afterAll(async () => {
    await hub?.close();
    await fakeSystem?.close();
    rmSync(scratch, { recursive: true, force: true });
    rmSync(hubInstall, { recursive: true, force: true });
  });

  it('packs the SDK with its contract version, compiled, with the shared libraries as peers', () => {
    expect(sdkTarball).toMatch(
      new RegExp(`frontdoor-plugin-sdk-${SDK_VERSION.replace(/\./g, '\\.')}\\.tgz$`),
    );
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
  });

  it('installs in the department’s repository, builds the plugin there and passes the contract kit there', () => {
    npm(
      [
        'install',
        '--ignore-scripts',
        sdkTarball,
        rangeOf('zod'),
        rangeOf('@nestjs/graphql'),
        rangeOf('@nestjs/common'),
        rangeOf('reflect-metadata'),
        rangeOf('graphql'),
        rangeOf('fastify'),
      ],
      repo,
    );
    // The team's own toolchain would be devDependencies; the workspace's compilers stand in for them.
    node([join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], repo);
    const config = JSON.stringify({
      rootDir: repo,
      testEnvironment: 'node',
      testMatch: ['**/*.spec.ts'],
      transform: { '^.+\\.ts$': [join(ROOT, 'node_modules/@swc/jest'), swcConfig] },
      setupFiles: [join(repo, 'node_modules/reflect-metadata')],
    });
    const report = JSON.parse(
      node(
        [join(ROOT, 'node_modules/jest/bin/jest.js'), '--config', config, '--json', '--maxWorkers=1'],
        repo,
      ),
    ) as {
      success: boolean;
      numPassedTests: number;
      numFailedTests: number;
      testResults: { name: string }[];
    };
    expect(report.testResults.map((r) => r.name)).toEqual([join(repo, 'src/parking-permits.plugin.spec.ts')]);
    expect(report.numFailedTests).toBe(0);
    expect(report.numPassedTests).toBeGreaterThanOrEqual(10);
    expect(report.success).toBe(true);
    pluginTarball = join(repo, JSON.parse(npm(['pack', '--json'], repo))[0].filename);
  }, 240_000);

  it('installs from its tarball into a hub and answers through `module:` in config', async () => {
    mkdirSync(hubInstall, { recursive: true });
    writeFileSync(join(hubInstall, 'package.json'), JSON.stringify({ name: 'hub-install', private: true }));
    // Peers come from the hub: the plugin must use the hub's SDK, zod and GraphQL.
    npm(['install', '--legacy-peer-deps', '--ignore-scripts', pluginTarball], hubInstall);
    const installed = join(hubInstall, 'node_modules/@kommun/plugin-parking-permits');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fake = require(join(repo, 'src/testing/fake-parking-permits-system.ts')) as {
      startFakeParkingPermitsSystem(): Promise<{ connection: unknown; close(): Promise<void> }>;
      PERSON_WITH_MATTERS: string;
    };
    fakeSystem = await fake.startFakeParkingPermitsSystem();
    hub = await startHub({
      plugins: { 'parking-permits': { module: installed, connection: fakeSystem.connection } },
    });
    const { data, errors } = await hub.graphql<{
      person: {
        statuses: { source: string; reference: string }[];
        sources: { plugin: string; state: string }[];
      };
    }>(
      `{ person(personalNumber: "${fake.PERSON_WITH_MATTERS}") { statuses { source reference } sources { plugin state } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.person.sources).toEqual([{ plugin: 'parking-permits', state: 'OK' }]);
    expect(data!.person.statuses.map((s) => s.reference).sort()).toEqual(['M-1', 'M-2']);
  }, 120_000);
});

const swcConfig = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};
