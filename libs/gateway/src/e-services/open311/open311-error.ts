import { ErrorCode, FrontdoorError } from '@frontdoor/core';

/**
 * An Open311 error: the HTTP status GeoReport v2 names (404 for what does not exist, 403 for
 * a wrong or missing api_key, 400 for anything else that cannot be fulfilled) and a
 * description meant for the user, answered as `[{ code, description }]`.
 */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 500,
    readonly description: string,
  ) {
    super(description);
  }
}

/**
 * The status GeoReport v2 names for each core refusal. The rest (a department down, a rate
 * limit, INTERNAL) are not the client's to fix: they stay faults, answered 500 and logged.
 */
const OPEN311_STATUS: Partial<Record<ErrorCode, Open311Error['status']>> = {
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.UNAUTHENTICATED]: 403,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.CONFLICT]: 400,
};

/** What an Open311 handler threw, as Open311's answer: its own errors as they are, core refusals translated; undefined for a fault. */
export function asOpen311Error(thrown: unknown): Open311Error | undefined {
  if (thrown instanceof Open311Error) return thrown;
  const status = thrown instanceof FrontdoorError ? OPEN311_STATUS[thrown.code] : undefined;
  return status ? new Open311Error(status, (thrown as FrontdoorError).message) : undefined;
}
