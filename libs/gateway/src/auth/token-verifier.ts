import {
  SignJWT,
  createRemoteJWKSet,
  errors as joseErrors,
  generateKeyPair,
  importSPKI,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import { unauthenticated } from '@frontdoor/core';
import type { GatewayConfig } from '../config/gateway-config';
import { roleSchema, type Principal } from './principal';

const ALGORITHMS = ['RS256', 'ES256', 'PS256', 'EdDSA'];

/**
 * Verifies bearer tokens (signature, issuer, audience, expiry with clock skew) and turns
 * them into a Principal. In the embedded default it also holds the demo issuer's key.
 */
export class TokenVerifier {
  private constructor(
    private readonly key: KeyLike | JWTVerifyGetKey,
    private readonly auth: GatewayConfig['auth'],
    private readonly devPrivateKey?: KeyLike,
  ) {}

  static async create(auth: GatewayConfig['auth']): Promise<TokenVerifier> {
    if (auth.jwksUrl) return new TokenVerifier(createRemoteJWKSet(new URL(auth.jwksUrl)), auth);
    if (auth.publicKeyPem) return new TokenVerifier(await importSPKI(auth.publicKeyPem, 'RS256'), auth);
    // Demo issuer: a fresh key per process; its tokens die with it.
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    return new TokenVerifier(publicKey, auth, privateKey);
  }

  /** Parses `Authorization: Bearer …`; throws UNAUTHENTICATED saying what is wrong. */
  async verifyHeader(header: string | undefined): Promise<Principal> {
    if (!header) throw unauthenticated('Missing bearer token: send "Authorization: Bearer <token>".');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    return this.verify(match[1]);
  }

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      const result = await jwtVerify(token, this.key as KeyLike, {
        issuer: this.auth.issuer,
        audience: this.auth.audience,
        clockTolerance: this.auth.clockToleranceS,
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
      });
      payload = result.payload;
    } catch (error) {
      throw unauthenticated(`The bearer token was rejected: ${describe(error)}.`);
    }
    const role = roleSchema.safeParse(payload.role);
    if (!role.success) throw unauthenticated('The bearer token carries no known role.');
    return { subject: String(payload.sub), role: role.data, name: typeof payload.name === 'string' ? payload.name : undefined };
  }

  /** Issues a demo token; only exists when the demo issuer is on. */
  async issueDevToken(principal: Principal, ttlSeconds = 8 * 3600): Promise<string> {
    if (!this.devPrivateKey) throw new Error('The demo token issuer is off');
    return new SignJWT({ role: principal.role, ...(principal.name ? { name: principal.name } : {}) })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(principal.subject)
      .setIssuer(this.auth.issuer)
      .setAudience(this.auth.audience)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.devPrivateKey);
  }
}

function describe(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'it has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim "${error.claim}" is not accepted`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'its signature does not verify';
  if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid) return 'it is not a well-formed JWT';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'its algorithm is not allowed';
  return 'it could not be verified';
}
