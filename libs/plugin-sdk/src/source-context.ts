import type { EntityManager } from 'typeorm';

/**
 * What the hub gives a plugin to talk to its department system. Paths are relative to the
 * department's base URL, which the installation configures (`connection.baseUrl`); the hub
 * joins them, signs them (`connection.auth`), applies the deadline and, for an action, the
 * client's idempotency key. A plugin never builds a URL or holds a credential.
 */
export interface SourceHttp {
  /**
   * GET a JSON document, e.g. ``getJson(apiPath`api/v1/guardians/${pn}/applications`)``.
   * With `notFoundMeansNone`, a 404 resolves `null` ("nothing here"), but only while the
   * department's health endpoint answers; otherwise it rejects, naming the URL, and the
   * hub reports the department as failed. Any other non-2xx, a network failure or a body
   * that is not JSON rejects; the hub turns that into SOURCE_UNAVAILABLE / SOURCE_INVALID_RESPONSE.
   */
  getJson(path: string, options?: SourceRequestOptions): Promise<unknown>;
  /** POST a JSON body; resolves with the parsed JSON answer (or null for an empty body). */
  postJson(path: string, body: unknown, options?: SourceRequestOptions): Promise<unknown>;
  /** GET a text document (CSV exports). */
  getText(path: string, options?: SourceRequestOptions): Promise<string>;
}

export interface SourceRequestOptions {
  /** Query parameters, encoded by the hub. */
  query?: Record<string, string | number>;
  /** Department-specific headers beyond auth (which the hub adds). */
  headers?: Record<string, string>;
  /** This endpoint answers 404 for a person or case it does not know: resolve `null` then (see `getJson`). */
  notFoundMeansNone?: boolean;
}

/** Thrown by SourceHttp for an answer outside 2xx. */
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

/** What a recurring job gets: the plugin's own tables are always there (a plugin with jobs must declare `data`). */
export interface JobContext<TConfig> extends SourceContext<TConfig> {
  data: EntityManager;
}

/** The person a question is about. */
export interface PersonRef {
  /** Normalised personal identity number, 12 digits without separator: YYYYMMDDNNNC. */
  personalNumber: string;
}
