import { Agent, request } from 'undici';
import type { SourceHttp, SourceRequestOptions } from './source-context';

/** A department system answered with an HTTP status the plugin did not ask to handle. */
export class SourceHttpStatusError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
    this.name = 'SourceHttpStatusError';
  }
}

/** A department system's body was not JSON. */
export class SourceBodyNotJsonError extends Error {
  constructor(contentType: string | undefined) {
    super(`the body was not JSON (content-type ${contentType ?? 'none'})`);
    this.name = 'SourceBodyNotJsonError';
  }
}

/**
 * The HTTP client behind `SourceContext.http`. The hub creates one per plugin; the
 * contract test kit uses the same one, so a plugin is tested as it will run.
 * One keep-alive connection pool per plugin, so a slow department cannot starve the
 * sockets of another. Reads at most `maxBodyBytes`: a runaway answer is an error, not
 * an out-of-memory.
 */
export class SourceHttpClient {
  private readonly agent: Agent;

  constructor(private readonly options: { connections?: number; maxBodyBytes?: number } = {}) {
    this.agent = new Agent({ connections: options.connections ?? 32, keepAliveTimeout: 30_000 });
  }

  /** The plugin's view: bound to one call's abort signal. */
  bind(signal: AbortSignal): SourceHttp {
    return {
      getJson: (url, options) => this.send('GET', url, signal, options).then((r) => r.json()),
      postJson: (url, body, options) =>
        this.send('POST', url, signal, options, JSON.stringify(body), 'application/json').then((r) =>
          r.json(),
        ),
      postForm: (url, form, options) =>
        this.send(
          'POST',
          url,
          signal,
          options,
          new URLSearchParams(form).toString(),
          'application/x-www-form-urlencoded',
        ).then((r) => r.json()),
      getText: (url, options) => this.send('GET', url, signal, options).then((r) => r.text ?? ''),
    };
  }

  /** GET JSON (kept for callers outside a plugin context, e.g. tests). */
  getJson(url: URL | string, signal: AbortSignal, options: SourceRequestOptions = {}): Promise<unknown> {
    return this.send('GET', url, signal, options).then((r) => r.json());
  }

  private async send(
    method: 'GET' | 'POST',
    url: URL | string,
    signal: AbortSignal,
    options: SourceRequestOptions = {},
    body?: string,
    contentType?: string,
  ): Promise<{ text: string | null; json(): unknown }> {
    const response = await request(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(contentType ? { 'content-type': contentType } : {}),
        ...options.headers,
      },
      body,
      dispatcher: this.agent,
      signal,
    });
    if (response.statusCode === 404 && options.notFoundAsNull) {
      await response.body.dump();
      return { text: null, json: () => null };
    }
    if (response.statusCode < 200 || response.statusCode >= 300) {
      await response.body.dump();
      throw new SourceHttpStatusError(response.statusCode);
    }
    const contentTypeHeader = response.headers['content-type'];
    const type = Array.isArray(contentTypeHeader) ? contentTypeHeader[0] : contentTypeHeader;
    const text = await readLimited(response.body, this.options.maxBodyBytes ?? 5 * 1024 * 1024);
    return {
      text,
      json: () => {
        if (text === '') return null;
        try {
          return JSON.parse(text);
        } catch {
          throw new SourceBodyNotJsonError(type);
        }
      },
    };
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

export class SourceBodyTooLargeError extends Error {
  constructor(limit: number) {
    super(`the body exceeded ${limit} bytes`);
    this.name = 'SourceBodyTooLargeError';
  }
}

async function readLimited(
  body: AsyncIterable<Buffer> & { destroy(): void },
  limit: number,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limit) {
      body.destroy();
      throw new SourceBodyTooLargeError(limit);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
