import { UserManager, WebStorageStateStore } from 'oidc-client-ts';

/** A test user of the embedded default's demo token issuer (`demoUsers` in the page's config.json). */
export interface DemoUser {
  id: string;
  name: string;
  /** The token's subject; the id when absent. */
  sub?: string;
  /** The token's role; `BrowserAuthSettings.demoRole` when the page gives every demo user the same one. */
  role?: string;
}

export interface BrowserAuthSettings {
  /** The OIDC issuer to sign in with; null: the demo token issuer of the embedded default. */
  issuer: string | null;
  clientId: string;
  /** The page's own path on the gateway (`/console/`): the issuer sends the browser back here. */
  path: string;
  /** Where this tab keeps the bearer token (sessionStorage). */
  tokenKey: string;
  /** The role every demo user signs in with (the citizen page: `citizen`); else each user's own. */
  demoRole?: string;
}

/** The one code exchange in flight for this page, shared by every caller (see completeRedirect). */
let signingIn: Promise<void> | undefined;

/**
 * Sign-in for a page the gateway serves: the OIDC authorization-code flow with PKCE against the
 * configured issuer (oidc-client-ts), or, without an issuer, the demo token issuer of the
 * embedded default. Either way the page ends up with a bearer token the gateway accepts, kept
 * for this browser tab only (sessionStorage); what it may see the hub decides on every request.
 */
export class BrowserAuth {
  private readonly oidc?: UserManager;

  constructor(private readonly settings: BrowserAuthSettings) {
    if (settings.issuer) {
      const redirect = `${window.location.origin}${settings.path}`;
      this.oidc = new UserManager({
        authority: settings.issuer,
        client_id: settings.clientId,
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

  /** This tab's bearer token, or null when signed out. */
  get token(): string | null {
    return sessionStorage.getItem(this.settings.tokenKey);
  }

  /** Drops this tab's token (the gateway no longer accepts it, or the person is not for this page). */
  forget(): void {
    sessionStorage.removeItem(this.settings.tokenKey);
  }

  /** Finishes a sign-in redirect back from the issuer, when the URL carries one. */
  async completeRedirect(): Promise<void> {
    // A second call while the exchange runs waits for it instead of reading a half-done session.
    if (signingIn) return signingIn;
    const params = new URLSearchParams(window.location.search);
    if (this.oidc && params.has('state') && !params.has('code')) {
      // Back from the provider's logout (RP-initiated logout): drop its state from the URL.
      await this.oidc.signoutCallback().catch(() => undefined);
      window.history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
      return;
    }
    if (!this.oidc || !params.has('code') || !params.has('state')) return;
    // The code is good for one exchange: take it off the URL before exchanging it, so a second
    // run of this (a re-render, a second effect) finds nothing to do instead of spending the
    // code again and failing with "grant request is invalid" after the first one signed in.
    const callbackUrl = window.location.href;
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
    const oidc = this.oidc;
    const tokenKey = this.settings.tokenKey;
    signingIn = (async () => {
      const user = await oidc.signinCallback(callbackUrl);
      if (user?.access_token) sessionStorage.setItem(tokenKey, user.access_token);
    })().finally(() => (signingIn = undefined));
    await signingIn;
  }

  async signInWithIssuer(): Promise<void> {
    await this.oidc?.signinRedirect();
  }

  /** Demo only: a token from the embedded default's demo issuer (POST /auth/dev-token). */
  async signInAsDemoUser(user: DemoUser): Promise<void> {
    const response = await fetch('/auth/dev-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        role: this.settings.demoRole ?? user.role,
        sub: user.sub ?? user.id,
        name: user.name,
      }),
    });
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    sessionStorage.setItem(this.settings.tokenKey, ((await response.json()) as { token: string }).token);
  }

  /**
   * Signs out here and at the provider: OpenID Connect RP-initiated logout (the discovery
   * document's end_session_endpoint) ends the provider's session too, so the next sign-in
   * shows the provider's login (the demo's picker) instead of returning the same person.
   * The provider sends the browser back to the page. A provider without the endpoint
   * ends only this tab's session.
   */
  async signOut(): Promise<void> {
    this.forget();
    if (!this.oidc) return;
    const user = await this.oidc.getUser();
    await this.oidc.removeUser();
    try {
      await this.oidc.signoutRedirect({ id_token_hint: user?.id_token });
    } catch {
      // No end_session_endpoint in the provider's metadata: nothing more to end.
    }
  }
}
