import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { AnswerGroup, RuntimeConfig } from '../runtime-config';

/** The signed-in staff member, as the gateway answers /console/session for their token. */
export interface Session {
  token: string;
  subject: string;
  name: string;
  role: string;
  answerGroups: AnswerGroup[];
}

export type SessionCheck =
  { kind: 'staff'; session: Session } | { kind: 'not-staff' } | { kind: 'signed-out' };

const TOKEN_KEY = 'frontdoor.console.token';

/**
 * Sign-in: the OIDC authorization-code flow with PKCE against the configured issuer (in the
 * embedded default the dev issuer's role picker), or, without an issuer, the demo token
 * issuer of the embedded default. Either way the console ends up with a bearer token the
 * gateway accepts, kept for this browser tab only (sessionStorage).
 */
/** The one code exchange in flight for this page, shared by every caller (see completeRedirect). */
let signingIn: Promise<void> | undefined;

export class Auth {
  private readonly oidc?: UserManager;

  constructor(private readonly config: RuntimeConfig) {
    if (config.issuer) {
      const redirect = `${window.location.origin}/console/`;
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
    signingIn = (async () => {
      const user = await oidc.signinCallback(callbackUrl);
      if (user?.access_token) sessionStorage.setItem(TOKEN_KEY, user.access_token);
    })().finally(() => (signingIn = undefined));
    await signingIn;
  }

  async signInWithIssuer(): Promise<void> {
    await this.oidc?.signinRedirect();
  }

  /** Demo only: a token from the embedded default's demo issuer (POST /auth/dev-token). */
  async signInAsDemoUser(id: string): Promise<void> {
    const user = this.config.demoUsers.find((u) => u.id === id);
    if (!user) throw new Error(`no demo user ${id}`);
    const response = await fetch('/auth/dev-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: user.role, sub: user.sub ?? user.id, name: user.name }),
    });
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    sessionStorage.setItem(TOKEN_KEY, ((await response.json()) as { token: string }).token);
  }

  /** Asks the gateway who the token is; it alone decides whether they are staff. */
  async check(): Promise<SessionCheck> {
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (!token) return { kind: 'signed-out' };
    const response = await fetch('/console/session', {
      headers: { authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
    if (response.status === 403) return { kind: 'not-staff' };
    if (!response.ok) {
      sessionStorage.removeItem(TOKEN_KEY);
      return { kind: 'signed-out' };
    }
    const body = (await response.json()) as Omit<Session, 'token'>;
    return { kind: 'staff', session: { ...body, token } };
  }

  /**
   * Signs out here and at the provider: OpenID Connect RP-initiated logout (the discovery
   * document's end_session_endpoint) ends the provider's session too, so the next "Logga in"
   * shows the provider's login (the demo's role picker) instead of returning the same person.
   * The provider sends the browser back to the console. A provider without the endpoint
   * ends only this tab's session.
   */
  async signOut(): Promise<void> {
    sessionStorage.removeItem(TOKEN_KEY);
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
