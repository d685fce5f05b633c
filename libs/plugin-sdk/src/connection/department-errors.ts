/** A department system answered with an HTTP status the plugin did not ask to handle. */
export class SourceHttpStatusError extends Error {
  constructor(
    readonly status: number,
    /** The URL tried, as `describeUrl` gives it (no query, personal numbers masked). */
    readonly url: string,
  ) {
    super(`HTTP ${status} from ${url}`);
    this.name = 'SourceHttpStatusError';
  }
}

/** A department system's body was not JSON. */
export class SourceBodyNotJsonError extends Error {
  constructor(
    contentType: string | undefined,
    readonly url: string,
  ) {
    super(`the body from ${url} was not JSON (content-type ${contentType ?? 'none'})`);
    this.name = 'SourceBodyNotJsonError';
  }
}

export class SourceBodyTooLargeError extends Error {
  constructor(
    limit: number,
    readonly url: string,
  ) {
    super(`the body from ${url} exceeded ${limit} bytes`);
    this.name = 'SourceBodyTooLargeError';
  }
}

/** The hub could not reach the department at all (refused, reset, DNS, TLS). */
export class SourceConnectionError extends Error {
  constructor(
    readonly code: string,
    readonly url: string,
  ) {
    super(`connection to ${url} failed (${code})`);
    this.name = 'SourceConnectionError';
  }
}

/**
 * The department answered 404 where the plugin declared that 404 means "nothing here", but
 * its own health endpoint did not answer: a wrong base URL looks exactly like an unknown
 * person, so the hub refuses to say "no matters" (docs/decisions/0012-department-connection-and-not-found.md).
 */
export class SourceNotFoundUnprovenError extends Error {
  constructor(
    readonly url: string,
    readonly healthUrl: string,
    readonly healthReason: string,
  ) {
    super(
      `${url} answered 404, and the department's health check ${healthUrl} did not pass (${healthReason}): ` +
        'cannot tell "nothing here" from a wrong address; check the base URL',
    );
    this.name = 'SourceNotFoundUnprovenError';
  }
}
