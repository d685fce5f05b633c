import { z } from 'zod';
import { SourceAnswerInvalidError, type SourceHttp } from '@frontdoor/plugin-sdk';
import type { InvoicingConfig } from './invoicing.config';

const tokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });

interface CachedToken {
  token: string;
  /** When to stop using it: a margin before its expiry, so it never expires in flight. */
  renewAt: number;
}

/**
 * OAuth2 client-credentials tokens for the invoicing system, cached per configuration
 * until shortly before they expire (a WeakMap keyed by the validated config: two
 * installations never share a token, and a dropped config drops its token).
 */
export class InvoicingTokens {
  private readonly cache = new WeakMap<InvoicingConfig, CachedToken>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(config: InvoicingConfig, http: SourceHttp, { renew = false } = {}): Promise<string> {
    const cached = this.cache.get(config);
    if (cached && !renew && cached.renewAt > this.now()) return cached.token;
    const parsed = tokenAnswer.safeParse(
      await http.postForm(new URL('oauth/token', config.baseUrl), {
        grant_type: 'client_credentials',
        client_id: config.clientId,
        client_secret: config.clientSecret,
      }),
    );
    if (!parsed.success)
      throw new SourceAnswerInvalidError('the token endpoint answered without an access token');
    const answer = parsed.data;
    const margin = Math.min(30, answer.expires_in / 10) * 1000;
    this.cache.set(config, {
      token: answer.access_token,
      renewAt: this.now() + answer.expires_in * 1000 - margin,
    });
    return answer.access_token;
  }
}
