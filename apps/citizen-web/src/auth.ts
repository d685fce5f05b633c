import { BrowserAuth } from '@frontdoor/browser-auth';
import type { RuntimeConfig } from './runtime-config';

/**
 * Sign-in with e-ID (`@frontdoor/browser-auth`): the OIDC authorization-code flow with PKCE
 * against the configured issuer (in production the e-ID broker with BankID; in the demo the dev
 * issuer's picker), or, in the embedded default without an issuer, the demo token issuer, every
 * demo user as a citizen. The token is kept for this tab only (sessionStorage); what it may see
 * is decided by the hub on every request.
 */
export function citizenAuth(config: RuntimeConfig): BrowserAuth {
  return new BrowserAuth({
    issuer: config.issuer,
    clientId: config.clientId,
    path: '/mina-arenden/',
    tokenKey: 'frontdoor.citizen.token',
    demoRole: 'citizen',
  });
}
