import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { RuntimeConfig } from './runtime-config';

const TOKEN_KEY = 'frontdoor.citizen.token';
/** The one code exchange in flight for this page (a second run of the effect must not spend the code again). */
let signingIn: Promise<void> | undefined;

/**
 * Sign-in with e-ID: the OIDC authorization-code flow with PKCE against the configured issuer
 * (in production the e-ID broker with BankID; in the demo the dev issuer's picker), or, in the
 * embedded default without an issuer, the demo token issuer. The token is kept for this tab
 * only (sessionStorage); what it may see is decided by the hub on every request.
 */
export class Auth {
  private readonly oidc?: UserManager;

  constructor(private readonly config: RuntimeConfig) {
    if (config.issuer) {
      const redirect = `${window.location.origin}/mina-arenden/`;
      this.oidc = new UserManager({
        authority: config.issuer,
        client_id: config.clientId,
        redirect_uri: redirect,
        post_logout_redirect_uri: redirect,
        response_type: 'code',
        scope: 'openid profile',
        userStore: new WebStorageStateStore({ store: window.sessionStorage }),
      });
    }
  }

  get usesOidc(): boolean {
    return Boolean(this.oidc);
  }

  get token(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  async completeRedirect(): Promise<void> {
    if (signingIn) return signingIn;
    const params = new URLSearchParams(window.location.search);
    if (this.oidc && params.has('state') && !params.has('code')) {
      await this.oidc.signoutCallback().catch(() => undefined);
      window.history.replaceState(null, '', window.location.pathname);
      return;
    }
    if (!this.oidc || !params.has('code') || !params.has('state')) return;
    const callbackUrl = window.location.href;
    window.history.replaceState(null, '', window.location.pathname);
    const oidc = this.oidc;
    signingIn = (async () => {
      const user = await oidc.signinCallback(callbackUrl);
      if (user?.access_token) sessionStorage.setItem(TOKEN_KEY, user.access_token);
    })().finally(() => (signingIn = undefined));
    await signingIn;
  }

  async signInWithIssuer(): Promise<void> {
    await this.oidc?.signinRedirect();
  }

  /** Demo only: a citizen's token from the embedded default's demo issuer. */
  async signInAsDemoCitizen(id: string): Promise<void> {
    const user = this.config.demoUsers.find((u) => u.id === id);
    if (!user) throw new Error(`no demo citizen ${id}`);
    const response = await fetch('/auth/dev-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'citizen', sub: user.sub ?? user.id, name: user.name }),
    });
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    sessionStorage.setItem(TOKEN_KEY, ((await response.json()) as { token: string }).token);
  }

  forget(): void {
    sessionStorage.removeItem(TOKEN_KEY);
  }

  async signOut(): Promise<void> {
    this.forget();
    if (!this.oidc) return;
    const user = await this.oidc.getUser();
    await this.oidc.removeUser();
    try {
      await this.oidc.signoutRedirect({ id_token_hint: user?.id_token });
    } catch {
      // No end_session_endpoint: this tab's session is ended, which is all there is.
    }
  }
}
