// The browser helpers live in @frontdoor/testing/browser (shared with apps/citizen-web).
export {
  CHROMIUM,
  SCREENSHOTS,
  launchBrowser,
  screenshot,
  axeViolations,
  explainTimeout,
  signIn,
  type AxeViolation,
} from '@frontdoor/testing/browser';
