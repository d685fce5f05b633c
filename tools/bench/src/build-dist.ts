/**
 * The production bundle: every workspace package's TypeScript transpiled once with @swc/core
 * (the same options as `.swcrc`, which @swc-node/register and @swc/jest use) into `dist/`,
 * keeping the tree, with `dist/node_modules/@frontdoor/<name>` pointing at the compiled
 * packages so `require('@frontdoor/core')` resolves to JavaScript. Third-party packages
 * resolve from the repository's own node_modules (dist sits inside the repository).
 * See docs/decisions/0011-production-bundle.md.
 *   node -r @swc-node/register tools/bench/src/build-dist.ts
 */
import { transform, type Options } from '@swc/core';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

const ROOT = join(__dirname, '../../..');
export const DIST = join(ROOT, 'dist');
const WORKSPACES = ['apps', 'libs', 'plugins', 'tools'];

/**
 * A package's test helpers sit in `src/testing/`, behind its `./testing` entry point
 * (`@frontdoor/core/testing`, `@frontdoor/jobs/testing`, `@frontdoor/plugin-sdk/testing`):
 * only tests import them, and the bundle leaves them out.
 */
const TEST_HELPERS = 'testing';

async function* sourceFiles(dir: string, skip?: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== skip) yield* sourceFiles(path);
    } else if (
      entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.spec.ts') &&
      !entry.name.endsWith('.d.ts')
    )
      yield path;
  }
}

/** `./src/index.ts` → `./src/index.js` in package.json entry points. */
function toJs(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\.ts$/, '.js');
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJs(v)]));
  return value;
}

export async function buildDist(): Promise<{ files: number; ms: number }> {
  const started = Date.now();
  const swcrc = JSON.parse(await readFile(join(ROOT, '.swcrc'), 'utf8')) as Options;
  const options: Options = { ...swcrc, swcrc: false, sourceMaps: true, minify: false };
  delete (options as Record<string, unknown>)['$schema'];
  await rm(DIST, { recursive: true, force: true });
  let files = 0;
  const jobs: Promise<void>[] = [];
  for (const workspace of WORKSPACES) {
    for (const pkg of await readdir(join(ROOT, workspace), { withFileTypes: true })) {
      if (!pkg.isDirectory()) continue;
      const pkgDir = join(ROOT, workspace, pkg.name);
      let manifest: {
        name: string;
        main?: string;
        types?: string;
        exports?: Record<string, unknown>;
        typesVersions?: unknown;
      };
      try {
        manifest = JSON.parse(await readFile(join(pkgDir, 'package.json'), 'utf8'));
      } catch {
        continue;
      }
      if (!existsSync(join(pkgDir, 'src'))) continue;
      const outDir = join(DIST, workspace, pkg.name);
      await mkdir(outDir, { recursive: true });
      const { [`./${TEST_HELPERS}`]: _testHelpers, ...exports } = manifest.exports ?? {};
      await writeFile(
        join(outDir, 'package.json'),
        JSON.stringify(
          {
            ...manifest,
            main: toJs(manifest.main),
            types: undefined,
            typesVersions: undefined,
            exports: manifest.exports ? toJs(exports) : undefined,
          },
          null,
          2,
        ),
      );
      const link = join(DIST, 'node_modules', manifest.name);
      await mkdir(dirname(link), { recursive: true });
      await symlink(relative(dirname(link), outDir), link);
      for await (const file of sourceFiles(join(pkgDir, 'src'), join(pkgDir, 'src', TEST_HELPERS))) {
        files++;
        jobs.push(
          (async () => {
            const out = join(outDir, relative(pkgDir, file)).replace(/\.ts$/, '.js');
            const { code, map } = await transform(await readFile(file, 'utf8'), {
              ...options,
              filename: file,
              sourceFileName: relative(dirname(out), file),
            });
            await mkdir(dirname(out), { recursive: true });
            await writeFile(out, `${code}\n//# sourceMappingURL=${out.slice(dirname(out).length + 1)}.map\n`);
            if (map) await writeFile(`${out}.map`, map);
          })(),
        );
      }
    }
  }
  await Promise.all(jobs);
  return { files, ms: Date.now() - started };
}

if (require.main === module) {
  buildDist().then(
    ({ files, ms }) => console.log(`dist/: ${files} files in ${ms} ms`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
