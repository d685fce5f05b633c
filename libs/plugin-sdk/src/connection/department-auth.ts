import { z } from 'zod';
import { SourceAnswerInvalidError } from '../source-errors';
import type { ConnectionAuthSettings } from './connection-settings';
import { departmentUrl } from './department-url';

/** Sends one form POST without auth (the token request itself); resolves with the parsed JSON answer. */
export type FormPoster = (url: URL, form: Record<string, string>, signal: AbortSignal) => Promise<unknown>;

/** How one department system wants requests signed; chosen by the installation's `connection.auth`. */
export interface DepartmentAuth {
  /** Headers for the next request. `renew` asks for a fresh credential (after a 401). */
  headers(signal: AbortSignal, renew: boolean): Promise<Record<string, string>>;
  /** Whether a 401 may be cured by renewing the credential once. */
  readonly renewable: boolean;
}

const tokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });

/**
 * OAuth2 client credentials (RFC 6749 4.4), the token kept by this connection until shortly
 * before it expires. One request at a time fetches a token: concurrent reads share it.
 */
class ClientCredentialsAuth implements DepartmentAuth {
  readonly renewable = true;
  private token?: { value: string; renewAt: number };
  private pending?: Promise<string>;

  constructor(
    private readonly settings: Extract<ConnectionAuthSettings, { scheme: 'oauth2-client-credentials' }>,
    private readonly baseUrl: string,
    private readonly post: FormPoster,
    private readonly now: () => number,
  ) {}

  async headers(signal: AbortSignal, renew: boolean): Promise<Record<string, string>> {
    if (renew) this.token = undefined;
    if (!this.token || this.token.renewAt <= this.now()) {
      this.pending ??= this.fetchToken(signal).finally(() => (this.pending = undefined));
      await this.pending;
    }
    return { authorization: `Bearer ${this.token!.value}` };
  }

  private async fetchToken(signal: AbortSignal): Promise<string> {
    const { tokenUrl, clientId, clientSecret, scope } = this.settings;
    const url = /^https?:\/\//.test(tokenUrl) ? new URL(tokenUrl) : departmentUrl(this.baseUrl, tokenUrl);
    const form: Record<string, string> = {
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    };
    if (scope) form.scope = scope;
    const parsed = tokenAnswer.safeParse(await this.post(url, form, signal));
    if (!parsed.success)
      throw new SourceAnswerInvalidError('the token endpoint answered without an access token');
    // Renewed a margin before expiry, so a token never runs out in flight.
    const margin = Math.min(30, parsed.data.expires_in / 10) * 1000;
    this.token = {
      value: parsed.data.access_token,
      renewAt: this.now() + parsed.data.expires_in * 1000 - margin,
    };
    return this.token.value;
  }
}

export function departmentAuth(
  settings: ConnectionAuthSettings,
  baseUrl: string,
  post: FormPoster,
  now: () => number,
): DepartmentAuth {
  switch (settings.scheme) {
    case 'api-key': {
      const headers = { [settings.header.toLowerCase()]: settings.key };
      return { renewable: false, headers: async () => headers };
    }
    case 'oauth2-client-credentials':
      return new ClientCredentialsAuth(settings, baseUrl, post, now);
    case 'none':
      return { renewable: false, headers: async () => ({}) };
  }
}
