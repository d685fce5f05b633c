import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/**
 * The worker is the hub without the API (issue 22): what its process imports loads no file of
 * the gateway, and so no Apollo. Lint forbids the direct import; this catches one through
 * another package. Run in a fresh node, as jest's own module registry is shared.
 * (@nestjs/graphql does load: the plugin SDK declares plugins' fields with its decorators.)
 */
describe('the worker process', () => {
  it('loads nothing of the gateway and no Apollo', () => {
    const main = readFileSync(resolve(__dirname, '../src/main.ts'), 'utf8');
    const packages = [...main.matchAll(/from '(@frontdoor\/[^']+)'/g)].map((m) => m[1]);
    expect(packages).toContain('@frontdoor/worker');
    const script = `${packages.map((p) => `require(${JSON.stringify(p)});`).join('')}
      process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
    const loaded = JSON.parse(
      execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', script], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, SWCRC: 'true' },
      }),
    ) as string[];
    expect(loaded.some((file) => file.includes('/libs/hub/'))).toBe(true);
    expect(
      loaded.filter((file) => /\/libs\/gateway\/|\/node_modules\/(@apollo|@nestjs\/apollo)\//.test(file)),
    ).toEqual([]);
  }, 60_000);
});
