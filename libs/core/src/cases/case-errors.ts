import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors';

/**
 * A case operation that the case's state does not allow (closing a closed case,
 * forwarding to an unknown group). BAD_USER_INPUT with a `reason` a client can branch on.
 */
export function caseRuleBroken(reason: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, reason } });
}
