import { SignJWT, type JWTPayload, type KeyLike } from 'jose';
import { parsePersonalNumber } from '@frontdoor/core';
import { DEV_ISSUER } from '../config/gateway-config';
import { ClaimsRejected } from './claims-mapping';
import { roleSchema, type Principal } from './principal';

/** Signs a demo token (`POST /auth/dev-token`, the embedded default only): the hub's own shape. */
export function signDemoToken(
  privateKey: KeyLike,
  principal: Principal,
  audience: string,
  nowS: number,
  ttlSeconds: number,
): Promise<string> {
  return new SignJWT({ role: principal.role, ...(principal.name ? { name: principal.name } : {}) })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(principal.subject)
    .setIssuer(DEV_ISSUER)
    .setAudience(audience)
    .setIssuedAt(nowS)
    .setExpirationTime(nowS + ttlSeconds)
    .sign(privateKey);
}

/** The demo issuer's own token shape: `role`, and a citizen's personal number as subject. */
export function demoPrincipal(payload: JWTPayload): Principal {
  const role = roleSchema.safeParse(payload.role);
  if (!role.success) throw new ClaimsRejected('it carries no known role');
  if (typeof payload.sub !== 'string' || !payload.sub) throw new ClaimsRejected('it names no user (sub)');
  const principal: Principal = { subject: payload.sub, role: role.data };
  if (typeof payload.name === 'string') principal.name = payload.name;
  // A demo service account is the client named by its subject, held to its configured operations.
  if (role.data === 'service') principal.clientId = payload.sub;
  if (role.data === 'citizen') {
    try {
      principal.personalNumber = parsePersonalNumber(payload.sub, 'sub').value;
    } catch {
      throw new ClaimsRejected("a citizen's token must carry a valid personal number (sub)");
    }
  }
  return principal;
}
