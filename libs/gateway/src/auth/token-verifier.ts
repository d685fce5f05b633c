import { LRUCache } from 'lru-cache';
import {
  SignJWT,
  createRemoteJWKSet,
  decodeJwt,
  errors as joseErrors,
  generateKeyPair,
  importSPKI,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import type { OnModuleInit } from '@nestjs/common';
import { parsePersonalNumber, unauthenticated } from '@frontdoor/core';
import { ConfigError, DEV_ISSUER, type GatewayConfig } from '../config/gateway-config';
import { ClaimsRejected, principalFromClaims } from './claims-mapping';
import { discoverIssuer } from './oidc-discovery';
import { roleSchema, type Principal } from './principal';

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
  /** Principals of recently verified tokens, until each token's expiry (bounded). */
  private readonly verified = new LRUCache<string, { principal: Readonly<Principal>; validUntilMs: number }>({
    max: 5000,
  });

  private constructor(
    private readonly trusted: Map<string, TrustedIssuer>,
    private readonly auth: GatewayConfig['auth'],
    private readonly now: () => number,
    private readonly devPrivateKey?: KeyLike,
  ) {}

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
    return Object.keys(this.auth.mapping.serviceAccounts);
  }

  /** The operations a service account may call; undefined for a client that is not one. */
  serviceAccountOperations(clientId: string): readonly string[] | undefined {
    return Object.hasOwn(this.auth.mapping.serviceAccounts, clientId)
      ? this.auth.mapping.serviceAccounts[clientId].operations
      : undefined;
  }

  private trust(issuer: string, entry: TrustedIssuer, key: string): void {
    if (this.trusted.has(issuer))
      throw new ConfigError([`${key}: the issuer "${issuer}" is already trusted through another setting`]);
    this.trusted.set(issuer, entry);
  }

  /** Parses `Authorization: Bearer …`; throws UNAUTHENTICATED saying what is wrong. */
  async verifyHeader(header: string | undefined): Promise<Principal> {
    if (!header) throw unauthenticated('Missing bearer token: send "Authorization: Bearer <token>".');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    return this.verify(match[1]);
  }

  async verify(token: string): Promise<Principal> {
    // A token verified before is good until its own expiry (with the same skew): checking
    // its signature again on every request of a session was a fifth of a small request's CPU.
    const known = this.verified.get(token);
    if (known && this.now() < known.validUntilMs) return { ...known.principal };
    const { principal, exp } = await this.verifyAfresh(token);
    this.verified.set(token, {
      principal: Object.freeze({ ...principal }),
      validUntilMs: (exp + this.auth.clockToleranceS) * 1000,
    });
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
      throw rejected(describe(error));
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
    return new SignJWT({ role: principal.role, ...(principal.name ? { name: principal.name } : {}) })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(principal.subject)
      .setIssuer(DEV_ISSUER)
      .setAudience(this.auth.audience)
      .setIssuedAt(nowS)
      .setExpirationTime(nowS + ttlSeconds)
      .sign(this.devPrivateKey);
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

/** The demo issuer's own token shape: `role`, and a citizen's personal number as subject. */
function demoPrincipal(payload: JWTPayload): Principal {
  const role = roleSchema.safeParse(payload.role);
  if (!role.success) throw new ClaimsRejected('it carries no known role');
  if (typeof payload.sub !== 'string' || !payload.sub) throw new ClaimsRejected('it names no user (sub)');
  const principal: Principal = { subject: payload.sub, role: role.data };
  if (typeof payload.name === 'string') principal.name = payload.name;
  if (role.data === 'citizen') {
    try {
      principal.personalNumber = parsePersonalNumber(payload.sub, 'sub').value;
    } catch {
      throw new ClaimsRejected("a citizen's token must carry a valid personal number (sub)");
    }
  }
  return principal;
}

function rejected(reason: string) {
  return unauthenticated(`The bearer token was rejected: ${reason}.`);
}

function describe(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'it has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim "${error.claim}" is not accepted`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'its signature does not verify';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return "no key of its issuer matches the token's key id";
  if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid)
    return 'it is not a well-formed JWT';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'its algorithm is not allowed';
  if (error instanceof joseErrors.JWKSTimeout) return "its issuer's keys could not be fetched in time";
  return 'it could not be verified';
}

function shorten(text: string): string {
  const printable = text.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 80 ? `${printable.slice(0, 80)}…` : printable;
}
