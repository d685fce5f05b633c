import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { loadPlugins, pluginSettingsSchema } from '@frontdoor/core';
import { pluginGenerator } from './plugin.generator';

const ROOT = resolve(__dirname, '../../..');
const node = (script: string, args: string[]) =>
  spawnSync(process.execPath, [resolve(ROOT, script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });

/**
 * The promise to a department IT team: one command gives a plugin that builds and passes
 * the contract kit before they change a line. Generated into a scratch folder inside the
 * workspace (so it resolves the SDK like a real plugin), then type-checked and tested.
 */
describe('nx g @frontdoor/plugin-generator:plugin', () => {
  const scratch = join('tmp', `generator-${randomBytes(4).toString('hex')}`);
  const pluginDir = join(ROOT, scratch, 'parking-permits');

  beforeAll(() => {
    const generated = node('node_modules/nx/dist/bin/nx.js', [
      'g',
      '@frontdoor/plugin-generator:plugin',
      'parking-permits',
      '--department=Parkering',
      `--directory=${scratch}`,
    ]);
    if (generated.status !== 0) throw new Error(`nx g failed: ${generated.stdout}${generated.stderr}`);
  }, 60_000);
  afterAll(() => rmSync(join(ROOT, scratch), { recursive: true, force: true }));

  it('writes a plugin folder with config, catalogue, mapping, GraphQL type, fake system, contract test and README', () => {
    for (const file of [
      'package.json',
      'project.json',
      'README.md',
      'src/index.ts',
      'src/parking-permits.config.ts',
      'src/parking-permits-status.catalogue.ts',
      'src/parking-permits.plugin.ts',
      'src/parking-permits.types.ts',
      'src/parking-permits.plugin.spec.ts',
      'src/testing/fake-parking-permits-system.ts',
    ]) {
      expect(existsSync(join(pluginDir, file))).toBe(true);
    }
  });

  it('type-checks untouched', () => {
    const tsconfig = join(ROOT, scratch, 'tsconfig.json');
    writeFileSync(
      tsconfig,
      JSON.stringify({
        extends: '../../tsconfig.base.json',
        compilerOptions: { noEmit: true },
        include: ['parking-permits/**/*.ts'],
      }),
    );
    expect(() =>
      execFileSync(process.execPath, [resolve(ROOT, 'node_modules/typescript/bin/tsc'), '-p', tsconfig], {
        cwd: ROOT,
        encoding: 'utf8',
      }),
    ).not.toThrow();
  }, 120_000);

  it('passes the contract kit untouched', () => {
    const run = node('node_modules/jest/bin/jest.js', ['--roots', scratch, '--json', '--maxWorkers=1']);
    const report = JSON.parse(run.stdout) as {
      success: boolean;
      numPassedTests: number;
      numFailedTests: number;
    };
    expect(report.numFailedTests).toBe(0);
    expect(report.numPassedTests).toBeGreaterThanOrEqual(10);
    expect(report.success).toBe(true);
  }, 120_000);

  it('is refused at load, naming the query, when a query of it declares no whereabouts', () => {
    // The author adds a lookup and forgets where it says people live: the hub must not start with it.
    const pluginFile = join(pluginDir, 'src/parking-permits.plugin.ts');
    const source = readFileSync(pluginFile, 'utf8');
    writeFileSync(
      pluginFile,
      source
        .replace(
          '  person: {',
          `  queries: ({ defineQuery }) => [
    defineQuery({
      field: 'parkingPermit',
      description: 'A parking permit by its number.',
      args: z.object({ permitNumber: z.string() }),
      type: () => ParkingPermitsMatter,
      fetch: ({ http }, args: { permitNumber: string }) => http.getJson(apiPath\`api/v1/permits/\${args.permitNumber}\`),
      answer: z.object({ holder: z.string() }),
      map: () => ({}),
      subjects: (answer: { holder: string }) => [answer.holder],
      mandate: 1,
    } as never),
  ],
  person: {`,
        )
        .replace('import { apiPath,', "import { z } from 'zod';\nimport { apiPath,"),
    );
    try {
      expect(() =>
        loadPlugins({
          'parking-permits': pluginSettingsSchema.parse({
            module: join(pluginDir, 'src/index.ts'),
            connection: { baseUrl: 'http://127.0.0.1:1/', auth: { scheme: 'none' } },
          }),
        }),
      ).toThrow(/Plugin "parking-permits".*queries\.0 \(parkingPermit\)\.whereabouts: /);
    } finally {
      writeFileSync(pluginFile, source);
    }
  });
});

describe('pluginGenerator refuses', () => {
  it('a name that is not kebab-case', async () => {
    const tree = createTreeWithEmptyWorkspace();
    await expect(pluginGenerator(tree, { name: 'Parking_Permits', department: 'Parkering' })).rejects.toThrow(
      'not kebab-case',
    );
  });

  it('to overwrite an existing plugin', async () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('plugins/parking-permits/README.md', 'ours');
    await expect(pluginGenerator(tree, { name: 'parking-permits', department: 'Parkering' })).rejects.toThrow(
      'already exists',
    );
    expect(tree.read('plugins/parking-permits/README.md', 'utf8')).toBe('ours');
  });
});
