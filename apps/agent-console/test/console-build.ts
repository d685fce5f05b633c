import { resolve } from 'node:path';
import { ensureViteAppBuilt } from '@frontdoor/testing/browser';

/** Builds the console with Vite when there is no build or a source is newer than it (a few seconds). */
export function ensureConsoleBuilt(): void {
  ensureViteAppBuilt(resolve(__dirname, '..'));
}
