/**
 * What the hub gives a plugin when it asks the department system something.
 * The hub owns the connection pool, the deadline (`signal`), retries and breakers;
 * a plugin only says which URL to read.
 */
export interface SourceHttp {
  /**
   * GET a JSON document. Resolves with the parsed body, or `null` when the
   * department answers 404 and `notFoundAsNull` is set (the person has no matters there).
   * Any other non-2xx status, a network failure or a body that is not JSON rejects;
   * the hub turns that into SOURCE_UNAVAILABLE / SOURCE_INVALID_RESPONSE.
   */
  getJson(url: URL | string, options?: SourceRequestOptions): Promise<unknown>;
}

export interface SourceRequestOptions {
  headers?: Record<string, string>;
  notFoundAsNull?: boolean;
}

export interface SourceContext<TConfig> {
  /** The plugin's own configuration, already validated against its schema. */
  config: TConfig;
  http: SourceHttp;
  /** Aborted when the hub's deadline for this call passes. */
  signal: AbortSignal;
}

/** The person a question is about. */
export interface PersonRef {
  /** Normalised personal identity number, 12 digits without separator: YYYYMMDDNNNC. */
  personalNumber: string;
}
