import { Agent, request } from 'undici';
import type { SourceHttp, SourceRequestOptions } from '../source-context';
import {
  connectionSettingsSchema,
  type ConnectionSettings,
  type ConnectionSettingsInput,
} from './connection-settings';
import { departmentAuth, type DepartmentAuth } from './department-auth';
import {
  SourceBodyNotJsonError,
  SourceBodyTooLargeError,
  SourceConnectionError,
  SourceHttpStatusError,
  SourceNotFoundUnprovenError,
} from './department-errors';
import { DepartmentHealth, type HealthState } from './department-health';
import { departmentUrl, describeUrl } from './department-url';

/** What the plugin declares about its department's API (the installation gives the rest). */
export interface ConnectionDeclaration {
  /** The system's health endpoint, relative to the base URL, e.g. `api/v1/health`. */
  healthPath: string;
}

/** Per call: the client's idempotency key for an action, sent as `Idempotency-Key`. */
export interface CallOptions {
  idempotencyKey?: string;
}

type Method = 'GET' | 'POST';

/**
 * One department system as the hub talks to it: the base URL every path is joined to,
 * the auth applied to every request (an OAuth2 token renewed once on 401), the health
 * endpoint that proves a 404 means "nothing here", one keep-alive pool, and a bounded body.
 * The hub makes one per running plugin and the contract kit uses the same class, so a
 * plugin is tested exactly as it runs.
 */
export class DepartmentConnection {
  readonly settings: ConnectionSettings;
  readonly health: DepartmentHealth;
  private readonly agent: Agent;
  private readonly auth: DepartmentAuth;

  constructor(
    settings: ConnectionSettingsInput,
    declaration: ConnectionDeclaration,
    private readonly now: () => number = Date.now,
  ) {
    this.settings = connectionSettingsSchema.parse(settings);
    // undici bounds the body as it arrives (a Content-Length past the limit is refused before any
    // of it is read), so the answer is read whole with its own `text()`: reading it chunk by
    // chunk through an async iterator cost a promise per chunk on every department call.
    this.agent = new Agent({
      connections: this.settings.connections,
      keepAliveTimeout: 30_000,
      maxResponseSize: this.settings.maxBodyBytes,
    });
    this.auth = departmentAuth(
      this.settings.auth,
      this.settings.baseUrl,
      (url, form, signal) =>
        this.exchange(
          'POST',
          url,
          signal,
          {},
          new URLSearchParams(form).toString(),
          'application/x-www-form-urlencoded',
        ).then((r) => r.json()),
      now,
    );
    const healthUrl = departmentUrl(this.settings.baseUrl, declaration.healthPath);
    this.health = new DepartmentHealth(
      async (signal) => {
        await this.send('GET', declaration.healthPath, signal, {});
      },
      describeUrl(healthUrl),
      this.settings.healthMaxAgeMs,
      now,
    );
  }

  /** The plugin's view for one call: bound to its deadline and, for an action, its idempotency key. */
  bind(signal: AbortSignal, call: CallOptions = {}): SourceHttp {
    const extra: Record<string, string> = call.idempotencyKey
      ? { 'idempotency-key': call.idempotencyKey }
      : {};
    return {
      getJson: (path, options = {}) => this.send('GET', path, signal, options, extra).then((r) => r.json()),
      postJson: (path, body, options = {}) =>
        this.send('POST', path, signal, options, extra, JSON.stringify(body), 'application/json').then((r) =>
          r.json(),
        ),
      getText: (path, options = {}) =>
        this.send('GET', path, signal, options, extra).then((r) => r.text ?? ''),
    };
  }

  /** Checks the department's health endpoint now (at boot, for readiness). */
  checkHealth(signal: AbortSignal): Promise<HealthState> {
    return this.health.check(signal);
  }

  private async send(
    method: Method,
    path: string,
    signal: AbortSignal,
    options: SourceRequestOptions,
    extraHeaders: Record<string, string> = {},
    body?: string,
    contentType?: string,
  ): Promise<Answer> {
    const url = departmentUrl(this.settings.baseUrl, path, options.query);
    const attempt = async (renew: boolean): Promise<Answer> => {
      const headers = { ...options.headers, ...extraHeaders, ...(await this.auth.headers(signal, renew)) };
      try {
        return await this.exchange(method, url, signal, headers, body, contentType);
      } catch (error) {
        // A revoked or early-expired token: renew once and retry once, then give up.
        if (error instanceof SourceHttpStatusError && error.status === 401 && this.auth.renewable && !renew) {
          return attempt(true);
        }
        if (error instanceof SourceHttpStatusError && error.status === 404 && options.notFoundMeansNone) {
          const health = await this.health.vouch(signal);
          if (health.healthy) return NOTHING;
          throw new SourceNotFoundUnprovenError(error.url, health.url, health.reason ?? 'unknown');
        }
        throw error;
      }
    };
    return attempt(false);
  }

  /** One HTTP exchange: non-2xx and unreachable become typed errors naming the URL (masked). */
  private async exchange(
    method: Method,
    url: URL,
    signal: AbortSignal,
    headers: Record<string, string>,
    body?: string,
    contentType?: string,
  ): Promise<Answer> {
    // Only a failure names the URL: masking it on every call was work for nothing.
    const shown = () => describeUrl(url);
    let response: Awaited<ReturnType<typeof request>>;
    try {
      response = await request(url, {
        method,
        headers: {
          accept: 'application/json',
          ...(contentType ? { 'content-type': contentType } : {}),
          ...headers,
        },
        body,
        dispatcher: this.agent,
        signal,
      });
    } catch (error) {
      const code = (error as { code?: unknown })?.code;
      if (code === BODY_TOO_LARGE) throw new SourceBodyTooLargeError(this.settings.maxBodyBytes, shown());
      if (typeof code === 'string' && code !== 'ABORT_ERR' && !signal.aborted)
        throw new SourceConnectionError(code, shown());
      throw error;
    }
    if (response.statusCode < 200 || response.statusCode >= 300) {
      await response.body.dump();
      throw new SourceHttpStatusError(response.statusCode, shown());
    }
    const typeHeader = response.headers['content-type'];
    const type = Array.isArray(typeHeader) ? typeHeader[0] : typeHeader;
    let text: string;
    try {
      text = await response.body.text();
    } catch (error) {
      if ((error as { code?: unknown })?.code === BODY_TOO_LARGE)
        throw new SourceBodyTooLargeError(this.settings.maxBodyBytes, shown());
      throw error;
    }
    return {
      text,
      json: () => {
        if (text === '') return null;
        try {
          return JSON.parse(text);
        } catch {
          throw new SourceBodyNotJsonError(type, shown());
        }
      },
    };
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

interface Answer {
  text: string | null;
  json(): unknown;
}

/** undici's code for a body past the connection's `maxResponseSize`. */
const BODY_TOO_LARGE = 'UND_ERR_RES_EXCEEDED_MAX_SIZE';

/** "Nothing here", proven: the department answered 404 and its health check passed. */
const NOTHING: Answer = { text: null, json: () => null };
