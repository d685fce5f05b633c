import type { AuthMapping } from './auth-file';
import { ConfigError } from './config-error';
import type { HubEnv } from './hub-env';

export const DEV_ISSUER = 'frontdoor-dev-issuer';

/** Which issuers the gateway trusts, from the environment, and how their claims are read (config file). */
export interface AuthSettings {
  devIssuer: boolean;
  /** An OpenID Connect provider to trust, by discovery. */
  oidcIssuer?: string;
  jwksUrl?: string;
  publicKeyPem?: string;
  /** The `iss` of tokens verified with AUTH_JWKS_URL / AUTH_PUBLIC_KEY (the demo issuer's name when neither is set). */
  issuer: string;
  audience: string;
  clockToleranceS: number;
  /** How claims become a Principal, and the service accounts (config file `auth`). */
  mapping: AuthMapping;
}

/** Checks the AUTH_* variables together; throws ConfigError listing every problem. */
export function authSettings(env: HubEnv, mapping: AuthMapping): AuthSettings {
  const production = env.NODE_ENV === 'production';
  const devIssuer = env.AUTH_DEV_ISSUER ?? (!production && !env.AUTH_JWKS_URL && !env.AUTH_PUBLIC_KEY);
  const problems: string[] = [];
  if (devIssuer && production)
    problems.push('AUTH_DEV_ISSUER: the demo token issuer cannot run when NODE_ENV=production');
  const staticKey = env.AUTH_JWKS_URL ?? env.AUTH_PUBLIC_KEY;
  if (!devIssuer && !env.AUTH_OIDC_ISSUER && !staticKey) {
    problems.push(
      'AUTH_OIDC_ISSUER, AUTH_JWKS_URL or AUTH_PUBLIC_KEY: one is required to verify tokens when the demo issuer is off',
    );
  }
  if (staticKey && !env.AUTH_ISSUER)
    problems.push(
      'AUTH_ISSUER: required with AUTH_JWKS_URL or AUTH_PUBLIC_KEY (the `iss` their tokens carry)',
    );
  if (devIssuer && staticKey && env.AUTH_ISSUER === DEV_ISSUER)
    problems.push(`AUTH_ISSUER: "${DEV_ISSUER}" is the demo issuer's name; give the provider's own issuer`);
  if (problems.length) throw new ConfigError(problems);

  return {
    devIssuer,
    oidcIssuer: env.AUTH_OIDC_ISSUER,
    jwksUrl: env.AUTH_JWKS_URL,
    publicKeyPem: env.AUTH_PUBLIC_KEY,
    issuer: env.AUTH_ISSUER ?? DEV_ISSUER,
    audience: env.AUTH_AUDIENCE,
    clockToleranceS: env.AUTH_CLOCK_TOLERANCE_S,
    mapping,
  };
}
