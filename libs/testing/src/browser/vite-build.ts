import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const BUILD_BOUND_MS = 120_000;

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The browser libs both apps bundle (their sources count as the app's). */
const SHARED_BROWSER_SOURCES = ['libs/browser-auth/src'];

function upToDate(app: string): boolean {
  const distIndex = join(app, 'dist/index.html');
  return (
    existsSync(distIndex) &&
    Math.max(
      newestSource(join(app, 'src')),
      ...SHARED_BROWSER_SOURCES.map((dir) => newestSource(resolve(app, '../..', dir))),
      statSync(join(app, 'index.html')).mtimeMs,
    ) <= statSync(distIndex).mtimeMs
  );
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds a Vite app of the repository (apps/agent-console, apps/citizen-web), by its folder,
 * when there is no build or a source is newer than it (a few seconds).
 */
export function ensureViteAppBuilt(app: string): void {
  /** Held while one jest worker builds, so two spec files never build into dist/ at once. */
  const LOCK = join(app, '.build-lock');
  const until = Date.now() + BUILD_BOUND_MS;
  while (!upToDate(app)) {
    try {
      mkdirSync(LOCK);
    } catch {
      // Another worker is building: wait for it, bounded; a lock older than the bound is left from a killed run.
      if (Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > BUILD_BOUND_MS)
        rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > until)
        throw new Error(`${app} was not built within ${BUILD_BOUND_MS} ms (lock ${LOCK})`);
      pause(250);
      continue;
    }
    try {
      if (!upToDate(app))
        execFileSync(process.execPath, [resolve(app, '../../node_modules/vite/bin/vite.js'), 'build', app], {
          cwd: resolve(app, '../..'),
          stdio: 'pipe',
        });
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
