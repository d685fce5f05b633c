import type { Principal } from './principal';
import type { RestOperation } from './service-accounts';
import type { TokenVerifier } from './token-verifier';

/** Why a REST call by a service account was refused: 401 without a valid token, 403 for anyone else. */
export class ServiceAccountRefused extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The bearer token of a service account (client credentials, `auth.serviceAccounts`) whose
 * operations name `operation`: the REST endpoints' counterpart of the GraphQL guard. A
 * person's token, whatever its role, is refused.
 */
export async function serviceAccountFor(
  verifier: TokenVerifier,
  header: string | undefined,
  operation: RestOperation,
): Promise<Principal & { clientId: string }> {
  let principal: Principal;
  try {
    principal = await verifier.verifyHeader(header);
  } catch (error) {
    throw new ServiceAccountRefused(401, (error as Error).message);
  }
  if (principal.role !== 'service' || !principal.clientId)
    throw new ServiceAccountRefused(
      403,
      `Only a service account may use ${operation}; this token is a person's (role "${principal.role}").`,
    );
  const operations = verifier.serviceAccountOperations(principal.clientId);
  if (!operations?.includes(operation))
    throw new ServiceAccountRefused(
      403,
      `The service account "${principal.clientId}" may not use ${operation}; it may use ${operations?.join(', ') || 'nothing'} (auth.serviceAccounts).`,
    );
  return principal as Principal & { clientId: string };
}
