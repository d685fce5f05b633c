import { BrokenCircuitError, TaskCancelledError } from 'cockatiel';
import { ZodError } from 'zod';
import { ErrorCode, type SourceFailure } from '../errors';
import {
  SourceAnswerInvalidError,
  SourceBodyNotJsonError,
  SourceBodyTooLargeError,
  SourceHttpStatusError,
  SourceUnavailableError,
} from '@frontdoor/plugin-sdk';

export function describeZodError(error: ZodError, limit = 3): string {
  return error.issues
    .slice(0, limit)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** The reason given when a plugin's own code threw (a bug for its authors, not the department's fault). */
export const PLUGIN_BUG_REASON = 'the plugin failed to read the answer';

/**
 * Turns whatever a call to a department system threw into a failure an agent can be
 * told about. Reasons never carry URLs, headers or bodies: those may hold secrets or
 * personal data.
 */
export function classifySourceError(
  error: unknown,
  plugin: { id: string; department: string },
  timeoutMs: number,
): SourceFailure {
  const base = { plugin: plugin.id, department: plugin.department };
  if (error instanceof BrokenCircuitError) {
    return {
      ...base,
      code: ErrorCode.SOURCE_UNAVAILABLE,
      reason: 'paused after repeated failures (circuit open); retried shortly',
    };
  }
  if (error instanceof TaskCancelledError) {
    return { ...base, code: ErrorCode.SOURCE_UNAVAILABLE, reason: `no answer within ${timeoutMs} ms` };
  }
  if (error instanceof SourceUnavailableError) {
    return { ...base, code: ErrorCode.SOURCE_UNAVAILABLE, reason: error.reason };
  }
  if (error instanceof SourceHttpStatusError) {
    return { ...base, code: ErrorCode.SOURCE_UNAVAILABLE, reason: `it answered HTTP ${error.status}` };
  }
  if (error instanceof SourceAnswerInvalidError) {
    return { ...base, code: ErrorCode.SOURCE_INVALID_RESPONSE, reason: error.detail };
  }
  if (error instanceof SourceBodyNotJsonError || error instanceof SourceBodyTooLargeError) {
    return { ...base, code: ErrorCode.SOURCE_INVALID_RESPONSE, reason: error.message };
  }
  if (error instanceof ZodError) {
    return {
      ...base,
      code: ErrorCode.SOURCE_INVALID_RESPONSE,
      reason: `the plugin produced an invalid status item: ${describeZodError(error)}`,
    };
  }
  const code = (error as { code?: string })?.code;
  if (typeof code === 'string' && (code.startsWith('E') || code.startsWith('UND_ERR'))) {
    return { ...base, code: ErrorCode.SOURCE_UNAVAILABLE, reason: `connection failed (${code})` };
  }
  return { ...base, code: ErrorCode.SOURCE_INVALID_RESPONSE, reason: PLUGIN_BUG_REASON };
}
