import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-code';

function error(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

export const unauthenticated = (message = 'A valid bearer token is required.') =>
  error(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'You are not allowed to do this.') => error(ErrorCode.FORBIDDEN, message);
export const badUserInput = (message: string, field?: string) =>
  error(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
export const notFound = (message: string) => error(ErrorCode.NOT_FOUND, message);
export const conflict = (message: string) => error(ErrorCode.CONFLICT, message);

/** The failure of one department system; `plugin` and `department` let a client say which part is missing. */
export interface SourceFailure {
  code: ErrorCode.SOURCE_UNAVAILABLE | ErrorCode.SOURCE_INVALID_RESPONSE;
  plugin: string;
  department: string;
  /** Why, in words safe to show an agent or a citizen: never a URL, host, header or secret. */
  reason: string;
  /** What went wrong in full (the URL tried), for the log only: never put in an answer. */
  detail?: string;
}

export function sourceError(failure: SourceFailure, path?: readonly (string | number)[]): GraphQLError {
  const message =
    failure.code === ErrorCode.SOURCE_UNAVAILABLE
      ? `${failure.department} (${failure.plugin}) is not answering right now: ${failure.reason}`
      : `${failure.department} (${failure.plugin}) answered something Frontdoor could not read: ${failure.reason}`;
  return new GraphQLError(message, {
    path,
    extensions: { code: failure.code, plugin: failure.plugin, department: failure.department },
  });
}
