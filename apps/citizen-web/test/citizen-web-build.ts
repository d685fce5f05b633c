import { resolve } from 'node:path';
import { ensureViteAppBuilt } from '@frontdoor/testing/browser';

/** Builds apps/citizen-web with Vite when there is no build or a source is newer than it. */
export function ensureCitizenWebBuilt(): void {
  ensureViteAppBuilt(resolve(__dirname, '..'));
}
