import type { FastifyRequest } from 'fastify';
import type { Principal } from './principal';
import type { TokenVerifier } from './token-verifier';

const outcomes = new WeakMap<object, Promise<Principal>>();

/**
 * The request's bearer token, verified once per request: the rate limiter keys on its subject,
 * then the /graphql hook, the guard and a REST surface's refusal take the same outcome instead
 * of verifying again. Rejects like TokenVerifier.verifyHeader.
 */
export function verifyRequestToken(
  verifier: TokenVerifier,
  request: Pick<FastifyRequest, 'headers'>,
): Promise<Principal> {
  let outcome = outcomes.get(request);
  if (!outcome) {
    outcome = verifier.verifyHeader(request.headers.authorization);
    outcomes.set(request, outcome);
  }
  return outcome;
}
