// Lives in @frontdoor/testing/browser (shared with apps/citizen-web).
export { startLoopbackProxy, type LoopbackProxy } from '@frontdoor/testing/browser';
