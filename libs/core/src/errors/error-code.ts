/**
 * The one list of error codes a client branches on (`extensions.code`).
 * Documented for client authors in docs/errors.md; keep the two in step.
 */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  /** Someone else changed the thing since the client read it (a case's `version`): reload, then retry. */
  CONFLICT = 'CONFLICT',
  /** A department system failed, timed out or its circuit is open. Carries `extensions.plugin`. */
  SOURCE_UNAVAILABLE = 'SOURCE_UNAVAILABLE',
  /** A department system answered something that is not what its plugin expects. Carries `extensions.plugin`. */
  SOURCE_INVALID_RESPONSE = 'SOURCE_INVALID_RESPONSE',
  /** Too many requests from this user or address in a minute (HTTP 429). */
  RATE_LIMITED = 'RATE_LIMITED',
  /** Anything else: a bug or a lost database. The message is masked in production; the request id is logged. */
  INTERNAL = 'INTERNAL',
}
