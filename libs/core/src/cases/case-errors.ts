import { ErrorCode, FrontdoorError } from '../errors';

/**
 * A case operation that the case's state does not allow (closing a closed case,
 * forwarding to an unknown group). BAD_USER_INPUT with a `reason` a client can branch on.
 */
export function caseRuleBroken(reason: string, message: string): FrontdoorError {
  return new FrontdoorError(ErrorCode.BAD_USER_INPUT, message, { reason });
}
