import {
  createRemoteJWKSet,
  decodeJwt,
  generateKeyPair,
  importSPKI,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import type { OnModuleInit } from '@nestjs/common';
import { unauthenticated } from '@frontdoor/core';
import { ConfigError, DEV_ISSUER, type GatewayConfig } from '../config/gateway-config';
import { ClaimsRejected, principalFromClaims } from './claims-mapping';
import { demoPrincipal, signDemoToken } from './demo-token';
import { discoverIssuer } from './oidc-discovery';
import type { Principal } from './principal';
import { ServiceAccounts } from './service-accounts';
import { describeVerificationError, rejected, shorten } from './token-rejection';
import { VerifiedTokenCache } from './verified-token-cache';

const ALGORITHMS = ['RS256', 'ES256', 'PS256', 'EdDSA'];

/** An issuer whose tokens the hub accepts, and how its claims are read. */
interface TrustedIssuer {
  key: KeyLike | JWTVerifyGetKey;
  /** The in-process demo issuer's tokens are the hub's own shape; every other issuer's go through the claims mapping. */
  demo: boolean;
}

export interface TokenVerifierOptions {
  /** For tests: the clock expiry is checked against (ms since epoch); default: real time. */
  now?: () => number;
}

/**
 * Verifies bearer tokens and turns them into a Principal. Several issuers may be trusted at
 * once (the in-process demo issuer, an OpenID Connect provider by discovery, a provider by
 * JWKS URL or PEM key); the token's `iss`, read unverified, only picks which key to verify
 * with, then signature, issuer, audience, expiry and algorithm are all checked.
 */
export class TokenVerifier implements OnModuleInit {
  private readonly verified: VerifiedTokenCache;
  private readonly serviceAccounts: ServiceAccounts;

  private constructor(
    private readonly trusted: Map<string, TrustedIssuer>,
    private readonly auth: GatewayConfig['auth'],
    private readonly now: () => number,
    private readonly devPrivateKey?: KeyLike,
  ) {
    this.verified = new VerifiedTokenCache(now);
    this.serviceAccounts = new ServiceAccounts(auth.mapping.serviceAccounts);
  }

  static async create(
    auth: GatewayConfig['auth'],
    options: TokenVerifierOptions = {},
  ): Promise<TokenVerifier> {
    let devPair: { publicKey: KeyLike; privateKey: KeyLike } | undefined;
    // Demo issuer: a fresh key per process; its tokens die with it.
    if (auth.devIssuer) devPair = await generateKeyPair('ES256');
    const verifier = new TokenVerifier(new Map(), auth, options.now ?? Date.now, devPair?.privateKey);
    if (devPair) verifier.trust(DEV_ISSUER, { key: devPair.publicKey, demo: true }, 'AUTH_DEV_ISSUER');
    if (auth.jwksUrl)
      verifier.trust(
        auth.issuer,
        { key: createRemoteJWKSet(new URL(auth.jwksUrl)), demo: false },
        'AUTH_ISSUER',
      );
    else if (auth.publicKeyPem)
      verifier.trust(
        auth.issuer,
        { key: await importSPKI(auth.publicKeyPem, 'RS256'), demo: false },
        'AUTH_ISSUER',
      );
    return verifier;
  }

  /**
   * Reads the OpenID Connect provider's discovery document while the gateway starts (before
   * it listens), so an unreachable or misnamed provider stops the start with a ConfigError.
   * Here rather than in create(): an error in a provider factory makes Nest exit the process.
   */
  async onModuleInit(): Promise<void> {
    if (!this.auth.oidcIssuer) return;
    const discovered = await discoverIssuer(this.auth.oidcIssuer);
    this.trust(
      discovered.issuer,
      { key: createRemoteJWKSet(new URL(discovered.jwksUri)), demo: false },
      'AUTH_OIDC_ISSUER',
    );
  }

  /** The configured service accounts' client ids. */
  get serviceAccountIds(): string[] {
    return this.serviceAccounts.ids;
  }

  /** The operations a service account may call; undefined for a client that is not one. */
  serviceAccountOperations(clientId: string): readonly string[] | undefined {
    return this.serviceAccounts.operations(clientId);
  }

  /** The service account an api key (Open311) belongs to; undefined for an unknown key. */
  serviceAccountByApiKey(key: string): string | undefined {
    return this.serviceAccounts.byApiKey(key);
  }

  private trust(issuer: string, entry: TrustedIssuer, key: string): void {
    if (this.trusted.has(issuer))
      throw new ConfigError([`${key}: the issuer "${issuer}" is already trusted through another setting`]);
    this.trusted.set(issuer, entry);
  }

  /** Parses `Authorization: Bearer …`; throws UNAUTHENTICATED saying what is wrong. */
  async verifyHeader(header: string | undefined): Promise<Principal> {
    return this.verify(bearerToken(header));
  }

  /**
   * For a connection that lives on (graphql-ws): verifies like verifyHeader, and says in how
   * many ms, by this verifier's clock, the token stops being accepted (its `exp` plus the
   * allowed skew), which is when the connection must end.
   */
  async verifyHeaderForConnection(
    header: string | undefined,
  ): Promise<{ principal: Principal; validForMs: number }> {
    const token = bearerToken(header);
    const principal = await this.verify(token);
    // Verified just now, and `exp` is a required claim: reading it again is safe.
    const exp = decodeJwt(token).exp!;
    return { principal, validForMs: (exp + this.auth.clockToleranceS) * 1000 - this.now() };
  }

  async verify(token: string): Promise<Principal> {
    // A token verified before is good until its own expiry, with the same skew.
    const known = this.verified.get(token);
    if (known) return known;
    const { principal, exp } = await this.verifyAfresh(token);
    this.verified.set(token, principal, (exp + this.auth.clockToleranceS) * 1000);
    return principal;
  }

  /** Full verification; also gives the verified expiry (seconds), which `exp` is required to carry. */
  private async verifyAfresh(token: string): Promise<{ principal: Principal; exp: number }> {
    const issuer = this.issuerOf(token);
    const trusted = this.trusted.get(issuer);
    if (!trusted) throw rejected(`its issuer "${shorten(issuer)}" is not trusted here`);
    let payload: JWTPayload;
    try {
      const result = await jwtVerify(token, trusted.key as KeyLike, {
        issuer,
        audience: this.auth.audience,
        clockTolerance: this.auth.clockToleranceS,
        algorithms: ALGORITHMS,
        requiredClaims: ['exp'],
        currentDate: new Date(this.now()),
      });
      payload = result.payload;
    } catch (error) {
      throw rejected(describeVerificationError(error));
    }
    try {
      const principal = trusted.demo
        ? demoPrincipal(payload)
        : principalFromClaims(payload, this.auth.mapping);
      return { principal, exp: payload.exp! };
    } catch (error) {
      if (error instanceof ClaimsRejected) throw rejected(error.message);
      throw error;
    }
  }

  /** Issues a demo token; only exists when the demo issuer is on. */
  async issueDevToken(principal: Principal, ttlSeconds = 8 * 3600): Promise<string> {
    if (!this.devPrivateKey) throw new Error('The demo token issuer is off');
    const nowS = Math.floor(this.now() / 1000);
    return signDemoToken(this.devPrivateKey, principal, this.auth.audience, nowS, ttlSeconds);
  }

  /** The unverified `iss`, only to choose the key; nothing else is read before verification. */
  private issuerOf(token: string): string {
    let iss: unknown;
    try {
      iss = decodeJwt(token).iss;
    } catch {
      throw rejected('it is not a well-formed JWT');
    }
    if (typeof iss !== 'string' || !iss) throw rejected('it names no issuer (iss)');
    return iss;
  }
}

/** The token of `Authorization: Bearer …`; throws UNAUTHENTICATED saying what is wrong. */
function bearerToken(header: string | undefined): string {
  if (!header) throw unauthenticated('Missing bearer token: send "Authorization: Bearer <token>".');
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  return match[1];
}
