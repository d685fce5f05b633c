/**
 * Browser test helpers (playwright-core with Debian's Chromium, axe-core, a loopback proxy, the
 * Vite build of an app), apart from the index so tests without a browser never load them.
 */
export {
  CHROMIUM,
  SCREENSHOTS,
  launchBrowser,
  screenshot,
  axeViolations,
  explainTimeout,
  signIn,
  type AxeViolation,
} from './browser/browser';
export { startLoopbackProxy, type LoopbackProxy } from './browser/loopback-proxy';
export { ensureViteAppBuilt } from './browser/vite-build';
