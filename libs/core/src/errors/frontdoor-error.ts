import { ErrorCode } from './error-code';

/** What a refusal names besides its code; each surface shows these in its own shape. */
export interface FrontdoorErrorDetails {
  /** The input it concerns (`personalNumber`, `input.contact.phone`, `from`). */
  field?: string;
  /** A finer code a client can branch on (`CASE_CLOSED`, `WAKE_DATE_TOO_FAR`). */
  reason?: string;
  /** A department failure's plugin (SOURCE_*). */
  plugin?: string;
  /** A department failure's department (SOURCE_*). */
  department?: string;
  /** Where in a partial answer a department failure belongs, when it is reported beside the data. */
  path?: readonly (string | number)[];
}

/**
 * An outcome of the domain a caller is told about: one of the documented codes (docs/errors.md)
 * and a message meant for them. Core throws only these, in no surface's terms; the gateway
 * translates each once into GraphQL's `extensions`, an HTTP status or Open311's shape.
 */
export class FrontdoorError extends Error {
  readonly field?: string;
  readonly reason?: string;
  readonly plugin?: string;
  readonly department?: string;
  readonly path?: readonly (string | number)[];

  constructor(
    readonly code: ErrorCode,
    message: string,
    details: FrontdoorErrorDetails = {},
  ) {
    super(message);
    // Only what was given: a translation copies no `undefined` keys into an answer.
    Object.assign(this, Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)));
  }
}

// On the prototype, as Error's own is: stacks read "FrontdoorError: …", and no copy of the error carries it.
FrontdoorError.prototype.name = 'FrontdoorError';

export const unauthenticated = (message = 'A valid bearer token is required.') =>
  new FrontdoorError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'You are not allowed to do this.') =>
  new FrontdoorError(ErrorCode.FORBIDDEN, message);
export const badUserInput = (message: string, field?: string) =>
  new FrontdoorError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
export const notFound = (message: string) => new FrontdoorError(ErrorCode.NOT_FOUND, message);
export const conflict = (message: string) => new FrontdoorError(ErrorCode.CONFLICT, message);

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

export function sourceError(failure: SourceFailure, path?: readonly (string | number)[]): FrontdoorError {
  const message =
    failure.code === ErrorCode.SOURCE_UNAVAILABLE
      ? `${failure.department} (${failure.plugin}) is not answering right now: ${failure.reason}`
      : `${failure.department} (${failure.plugin}) answered something Frontdoor could not read: ${failure.reason}`;
  // `failure.reason` is words for the message, not a code: it is not the error's `reason`.
  return new FrontdoorError(failure.code, message, {
    plugin: failure.plugin,
    department: failure.department,
    path,
  });
}
