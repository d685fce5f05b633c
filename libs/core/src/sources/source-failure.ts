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
import { withoutAddresses } from './plain-reason';

/** The reason given when a plugin's own code threw (a bug for its authors, not the department's fault). */
export const PLUGIN_BUG_REASON = 'the plugin failed to read the answer';

/**
 * Turns whatever a call to a department system threw into a failure an agent (or a citizen)
 * can be told about: `reason` in plain words, never a URL, a host, a header, a body or a
 * secret; `detail`, for the log line of the failed call only, names the URL that was tried
 * (as `describeUrl` gives it: no query string, personal numbers masked).
 */
export function classifySourceError(
  error: unknown,
  plugin: { id: string; department: string },
  timeoutMs: number,
): SourceFailure {
  const base = { plugin: plugin.id, department: plugin.department };
  const detail = error instanceof Error && error.message ? { detail: error.message } : {};
  const unavailable = (reason: string): SourceFailure => ({
    ...base,
    code: ErrorCode.SOURCE_UNAVAILABLE,
    reason: withoutAddresses(reason),
    ...detail,
  });
  const invalid = (reason: string): SourceFailure => ({
    ...base,
    code: ErrorCode.SOURCE_INVALID_RESPONSE,
    reason: withoutAddresses(reason),
    ...detail,
  });
  if (error instanceof BrokenCircuitError)
    return unavailable('paused after repeated failures (circuit open); retried shortly');
  if (error instanceof TaskCancelledError) return unavailable(`no answer within ${timeoutMs} ms`);
  if (error instanceof SourceUnavailableError) return unavailable(error.reason);
  if (error instanceof SourceNotFoundUnprovenError)
    return unavailable(
      'it answered "not found" while its own health check failed, so "nothing here" cannot be told from a wrong address',
    );
  if (error instanceof SourceHttpStatusError) return unavailable(`it answered HTTP ${error.status}`);
  if (error instanceof SourceConnectionError) return unavailable(`connection failed (${error.code})`);
  if (error instanceof SourceAnswerInvalidError) return invalid(error.detail);
  if (error instanceof SourceBodyNotJsonError) return invalid('its answer was not JSON');
  if (error instanceof SourceBodyTooLargeError) return invalid('its answer was too large');
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
