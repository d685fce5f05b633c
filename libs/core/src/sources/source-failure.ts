import { BrokenCircuitError, TaskCancelledError } from 'cockatiel';
import { ZodError } from 'zod';
import {
  SourceAnswerInvalidError,
  SourceBodyNotJsonError,
  SourceBodyTooLargeError,
  SourceConnectionError,
  SourceHttpStatusError,
  SourceNotFoundUnprovenError,
  SourceUnavailableError,
  describeZodError,
} from '@frontdoor/plugin-sdk';
import { ErrorCode, type SourceFailure } from '../errors';

/** The reason given when a plugin's own code threw (a bug for its authors, not the department's fault). */
export const PLUGIN_BUG_REASON = 'the plugin failed to read the answer';

/**
 * Turns whatever a call to a department system threw into a failure an agent can be told
 * about. A reason may name the department URL that was tried (as `describeUrl` gives it:
 * no query string, personal numbers masked), never a header, a body or a secret.
 */
export function classifySourceError(
  error: unknown,
  plugin: { id: string; department: string },
  timeoutMs: number,
): SourceFailure {
  const base = { plugin: plugin.id, department: plugin.department };
  const unavailable = (reason: string): SourceFailure => ({
    ...base,
    code: ErrorCode.SOURCE_UNAVAILABLE,
    reason,
  });
  const invalid = (reason: string): SourceFailure => ({
    ...base,
    code: ErrorCode.SOURCE_INVALID_RESPONSE,
    reason,
  });
  if (error instanceof BrokenCircuitError)
    return unavailable('paused after repeated failures (circuit open); retried shortly');
  if (error instanceof TaskCancelledError) return unavailable(`no answer within ${timeoutMs} ms`);
  if (error instanceof SourceUnavailableError) return unavailable(error.reason);
  if (error instanceof SourceNotFoundUnprovenError) return unavailable(error.message);
  if (error instanceof SourceHttpStatusError)
    return unavailable(`it answered HTTP ${error.status} (${error.url})`);
  if (error instanceof SourceConnectionError) return unavailable(error.message);
  if (error instanceof SourceAnswerInvalidError) return invalid(error.detail);
  if (error instanceof SourceBodyNotJsonError || error instanceof SourceBodyTooLargeError)
    return invalid(error.message);
  if (error instanceof ZodError)
    return invalid(`the plugin produced an invalid status item: ${describeZodError(error)}`);
  // A socket reset while the body streams in, after the connection stood.
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && (code.startsWith('E') || code.startsWith('UND_ERR'))) {
    return unavailable(`connection failed (${code})`);
  }
  // DepartmentPathError and anything else the plugin's code threw: its bug, logged with the stack.
  return invalid(PLUGIN_BUG_REASON);
}
