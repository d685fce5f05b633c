import { Agent, request } from 'undici';
import type { SourceHttp, SourceRequestOptions } from '@frontdoor/plugin-sdk';

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
    return { getJson: (url, options) => this.getJson(url, signal, options) };
  }

  async getJson(url: URL | string, signal: AbortSignal, options: SourceRequestOptions = {}): Promise<unknown> {
    const response = await request(url, {
      method: 'GET',
      headers: { accept: 'application/json', ...options.headers },
      dispatcher: this.agent,
      signal,
    });
    if (response.statusCode === 404 && options.notFoundAsNull) {
      await response.body.dump();
      return null;
    }
    if (response.statusCode < 200 || response.statusCode >= 300) {
      await response.body.dump();
      throw new SourceHttpStatusError(response.statusCode);
    }
    const contentType = response.headers['content-type'];
    const type = Array.isArray(contentType) ? contentType[0] : contentType;
    const text = await readLimited(response.body, this.options.maxBodyBytes ?? 5 * 1024 * 1024);
    try {
      return JSON.parse(text);
    } catch {
      throw new SourceBodyNotJsonError(type);
    }
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

async function readLimited(body: AsyncIterable<Buffer> & { destroy(): void }, limit: number): Promise<string> {
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
