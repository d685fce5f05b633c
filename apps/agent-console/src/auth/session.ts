import { BrowserAuth } from '@frontdoor/browser-auth';
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

/**
 * Sign-in (`@frontdoor/browser-auth`): the OIDC authorization-code flow with PKCE against the
 * configured issuer (in the embedded default the dev issuer's role picker), or, without an
 * issuer, the demo token issuer of the embedded default, each demo user with their own role.
 * The console's own part: asking the gateway whether the token is staff's.
 */
export class Auth extends BrowserAuth {
  constructor(config: RuntimeConfig) {
    super({
      issuer: config.issuer,
      clientId: config.clientId,
      path: '/console/',
      tokenKey: 'frontdoor.console.token',
    });
  }

  /** Asks the gateway who the token is; it alone decides whether they are staff. */
  async check(): Promise<SessionCheck> {
    const token = this.token;
    if (!token) return { kind: 'signed-out' };
    const response = await fetch('/console/session', {
      headers: { authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
    if (response.status === 403) return { kind: 'not-staff' };
    if (!response.ok) {
      this.forget();
      return { kind: 'signed-out' };
    }
    const body = (await response.json()) as Omit<Session, 'token'>;
    return { kind: 'staff', session: { ...body, token } };
  }
}
