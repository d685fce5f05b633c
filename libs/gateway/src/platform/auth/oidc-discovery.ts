import { z } from 'zod';
import { ConfigError } from '../config/gateway-config';

const DISCOVERY_TIMEOUT_MS = 5000;

const discoveryDocument = z.object({
  issuer: z.url(),
  jwks_uri: z.url({ protocol: /^https?$/ }),
});

export interface DiscoveredIssuer {
  issuer: string;
  jwksUri: string;
}

/**
 * Reads the provider's OpenID Connect discovery document at start (OpenID Connect Discovery
 * 1.0 §4): its `issuer` must be the configured URL, and `jwks_uri` is where the keys are.
 * Any failure is a ConfigError naming AUTH_OIDC_ISSUER, so the gateway never starts unable
 * to verify a single token.
 */
export async function discoverIssuer(configured: string): Promise<DiscoveredIssuer> {
  const base = configured.replace(/\/+$/, '');
  const url = `${base}/.well-known/openid-configuration`;
  const fail = (why: string) => new ConfigError([`AUTH_OIDC_ISSUER: ${why} (${url})`]);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS),
    });
  } catch (error) {
    const reason =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${DISCOVERY_TIMEOUT_MS} ms`
        : 'the provider could not be reached';
    throw fail(`${reason}; is it running, and is the URL its issuer?`);
  }
  if (!response.ok) throw fail(`the discovery document answered HTTP ${response.status}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw fail('the discovery document is not JSON');
  }
  const parsed = discoveryDocument.safeParse(body);
  if (!parsed.success) {
    throw fail(
      `the discovery document lacks a valid ${parsed.error.issues.map((i) => i.path.join('.')).join(' and ')}`,
    );
  }
  if (parsed.data.issuer.replace(/\/+$/, '') !== base) {
    throw fail(`the provider calls itself "${parsed.data.issuer}"; set AUTH_OIDC_ISSUER to exactly that`);
  }
  return { issuer: parsed.data.issuer, jwksUri: parsed.data.jwks_uri };
}
