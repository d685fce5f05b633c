import { forbidden, unauthenticated } from '@frontdoor/core';
import type { Principal, Role } from '../auth/principal';
import type { RestOperation } from '../auth/service-accounts';
import type { TokenVerifier } from '../auth/token-verifier';
import { verifyRequestToken } from '../auth/request-token';
import type { FastifyRequest } from 'fastify';

/** The bearer token's principal; any failure to verify it is UNAUTHENTICATED with the reason. */
export async function verifiedCaller(verifier: TokenVerifier, request: FastifyRequest): Promise<Principal> {
  try {
    return await verifyRequestToken(verifier, request);
  } catch (error) {
    throw unauthenticated((error as Error).message);
  }
}

/** A person in one of `roles`, for an HTTP handler's `@Allow`. */
export function assertRole(principal: Principal, roles: readonly Role[], operation: string): void {
  if (!roles.includes(principal.role))
    throw forbidden(`The role "${principal.role}" may not use ${operation}.`);
}

/** A service account granted `operation`, for an HTTP handler's `@AllowServiceAccount`. */
export function assertServiceAccount(
  verifier: TokenVerifier,
  principal: Principal,
  operation: RestOperation,
): asserts principal is Principal & { clientId: string } {
  if (principal.role !== 'service' || !principal.clientId)
    throw forbidden(
      `Only a service account may use ${operation}; this token is a person's (role "${principal.role}").`,
    );
  assertGranted(verifier, principal.clientId, operation);
}

/** A service account's grant of one operation (a query, mutation or REST operation): its `auth.serviceAccounts` list is its @Allow. */
export function assertGranted(verifier: TokenVerifier, clientId: string, operation: string): void {
  const operations = verifier.serviceAccountOperations(clientId);
  if (!operations?.includes(operation))
    throw forbidden(
      `The service account "${clientId}" may not use ${operation}; it may use ${operations?.join(', ') || 'nothing'} (auth.serviceAccounts).`,
    );
}
