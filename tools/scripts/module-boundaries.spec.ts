import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/** The architecture as a lint error: lints imaginary files at real paths with the project's ESLint config. */
describe('module boundaries (Nx tags)', () => {
  beforeAll(() => {
    // The boundary rule reads Nx's project graph; make sure it exists, as `npm run lint` does.
    execFileSync(process.execPath, [resolve(ROOT, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], {
      cwd: ROOT,
      env: { ...process.env, NX_DAEMON: 'false' },
      encoding: 'utf8',
    });
  }, 60_000);

  // ESLint loads its config with a dynamic import, which jest's module system cannot do: run the CLI.
  const eslintBin = resolve(ROOT, 'node_modules/eslint/bin/eslint.js');
  const boundaryErrors = async (filePath: string, code: string) => {
    const run = spawnSync(
      process.execPath,
      [eslintBin, '--stdin', '--stdin-filename', filePath, '--format', 'json'],
      { cwd: ROOT, input: code, encoding: 'utf8' },
    );
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
    return result.messages
      .filter((m) => m.ruleId === '@nx/enforce-module-boundaries' || m.ruleId === 'no-restricted-imports')
      .map((m) => m.message);
  };

  it.each([
    ['plugins/childcare-queue/src/probe.ts', '@frontdoor/core', 'type:plugin'],
    ['plugins/childcare-queue/src/probe.ts', '@frontdoor/gateway', 'type:plugin'],
    ['libs/gateway/src/probe.ts', '@frontdoor/plugin-childcare-queue', 'type:gateway'],
    // Inward dependencies already exist the other way, so Nx reports these as cycles.
    [
      'libs/plugin-sdk/src/probe.ts',
      '@frontdoor/core',
      'Circular dependency between "plugin-sdk" and "core"',
    ],
    ['libs/core/src/probe.ts', '@frontdoor/gateway', 'Circular dependency between "core" and "gateway"'],
    // The browser apps' shared sign-in runs in the browser: nothing of the hub.
    ['libs/browser-auth/src/probe.ts', '@frontdoor/core', 'type:browser'],
    // The composition root and the configuration know no process that hosts them.
    ['libs/hub/src/probe.ts', '@frontdoor/gateway', 'Circular dependency between "hub" and "gateway"'],
    ['libs/config/src/probe.ts', '@frontdoor/hub', 'Circular dependency between "config" and "hub"'],
    // The worker is the hub without the API (issue 22): its process loads no gateway.
    ['apps/worker/src/probe.ts', '@frontdoor/gateway', 'The worker hosts @frontdoor/hub, never the gateway.'],
    ['apps/worker/src/probe.ts', '@apollo/server', 'No GraphQL in the worker.'],
  ])('%s may not import %s', async (filePath, target, expected) => {
    const errors = await boundaryErrors(filePath, `import * as x from '${target}';\nexport const y = x;\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(expected.startsWith('type:') ? `tagged with "${expected}"` : expected);
  });

  it('libs/worker/src/probe.ts may not import @frontdoor/gateway (its tag, and the rule for worker code)', async () => {
    const errors = await boundaryErrors(
      'libs/worker/src/probe.ts',
      `import * as x from '@frontdoor/gateway';\nexport const y = x;\n`,
    );
    expect(errors).toEqual([
      expect.stringContaining('tagged with "type:worker"'),
      expect.stringContaining('The worker hosts @frontdoor/hub, never the gateway.'),
    ]);
  });

  it.each([
    ['plugins/childcare-queue/src/probe.ts', '@frontdoor/plugin-sdk'],
    ['libs/gateway/src/probe.ts', '@frontdoor/core'],
    ['apps/gateway/src/probe.ts', '@frontdoor/gateway'],
    ['apps/agent-console/src/probe.ts', '@frontdoor/browser-auth'],
    ['libs/gateway/src/probe.ts', '@frontdoor/hub'],
    ['libs/worker/src/probe.ts', '@frontdoor/hub'],
    ['apps/worker/src/probe.ts', '@frontdoor/config'],
  ])('%s may import %s', async (filePath, target) => {
    expect(await boundaryErrors(filePath, `import * as x from '${target}';\nexport const y = x;\n`)).toEqual(
      [],
    );
  });
});
