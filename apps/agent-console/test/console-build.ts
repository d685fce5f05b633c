import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const APP = resolve(__dirname, '..');
const DIST_INDEX = join(APP, 'dist/index.html');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the console with Vite when there is no build or a source is newer than it (a few seconds). */
export function ensureConsoleBuilt(): void {
  const sourcesChanged = () => Math.max(newestSource(join(APP, 'src')), statSync(join(APP, 'index.html')).mtimeMs) > statSync(DIST_INDEX).mtimeMs;
  if (existsSync(DIST_INDEX) && !sourcesChanged()) return;
  execFileSync(process.execPath, [resolve(APP, '../../node_modules/vite/bin/vite.js'), 'build', APP], { cwd: resolve(APP, '../..'), stdio: 'pipe' });
}
