import type { EntityManager } from 'typeorm';

/**
 * What the hub gives a plugin when it talks to its department system.
 * The hub owns the connection pool, the deadline (`signal`), the breaker and the
 * validation of what comes back; a plugin only says what to ask.
 */
export interface SourceHttp {
  /**
   * GET a JSON document. Resolves with the parsed body, or `null` when the department
   * answers 404 and `notFoundAsNull` is set (it knows nothing of the person). Any other
   * non-2xx status, a network failure or a body that is not JSON rejects; the hub turns
   * that into SOURCE_UNAVAILABLE / SOURCE_INVALID_RESPONSE.
   */
  getJson(url: URL | string, options?: SourceRequestOptions): Promise<unknown>;
  /** POST a JSON body; resolves with the parsed JSON answer (or null for an empty body). */
  postJson(url: URL | string, body: unknown, options?: SourceRequestOptions): Promise<unknown>;
  /** POST `application/x-www-form-urlencoded` (OAuth2 token endpoints); resolves with the parsed JSON answer. */
  postForm(url: URL | string, form: Record<string, string>, options?: SourceRequestOptions): Promise<unknown>;
  /** GET a text document (CSV exports). */
  getText(url: URL | string, options?: SourceRequestOptions): Promise<string>;
}

export interface SourceRequestOptions {
  headers?: Record<string, string>;
  notFoundAsNull?: boolean;
}

/** Thrown by SourceHttp for an answer outside 2xx; a plugin may catch it (e.g. 401 to renew a token). */
export interface SourceHttpStatus {
  status: number;
}

export function isHttpStatus(error: unknown, status: number): boolean {
  return typeof error === 'object' && error !== null && (error as SourceHttpStatus).status === status;
}

export interface SourceContext<TConfig> {
  /** The plugin's own configuration, already validated against its schema. */
  config: TConfig;
  http: SourceHttp;
  /** Aborted when the hub's deadline for this call passes. */
  signal: AbortSignal;
  /** The plugin's own tables (declared in `data`); absent for a plugin without any. */
  data?: EntityManager;
  /** The calendar date in Sweden (YYYY-MM-DD). */
  today: string;
}

/** The person a question is about. */
export interface PersonRef {
  /** Normalised personal identity number, 12 digits without separator: YYYYMMDDNNNC. */
  personalNumber: string;
}
