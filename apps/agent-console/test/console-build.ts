import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const APP = resolve(__dirname, '..');
const DIST_INDEX = join(APP, 'dist/index.html');
/** Held while one jest worker builds, so two spec files never build into dist/ at once. */
const LOCK = join(APP, '.build-lock');
const BUILD_BOUND_MS = 120_000;

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function upToDate(): boolean {
  return (
    existsSync(DIST_INDEX) &&
    Math.max(newestSource(join(APP, 'src')), statSync(join(APP, 'index.html')).mtimeMs) <=
      statSync(DIST_INDEX).mtimeMs
  );
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds the console with Vite when there is no build or a source is newer than it (a few seconds). */
export function ensureConsoleBuilt(): void {
  const until = Date.now() + BUILD_BOUND_MS;
  while (!upToDate()) {
    try {
      mkdirSync(LOCK);
    } catch {
      // Another worker is building: wait for it, bounded; a lock older than the bound is left from a killed run.
      if (Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > BUILD_BOUND_MS)
        rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > until)
        throw new Error(`the agent console was not built within ${BUILD_BOUND_MS} ms (lock ${LOCK})`);
      pause(250);
      continue;
    }
    try {
      if (!upToDate())
        execFileSync(process.execPath, [resolve(APP, '../../node_modules/vite/bin/vite.js'), 'build', APP], {
          cwd: resolve(APP, '../..'),
          stdio: 'pipe',
        });
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
