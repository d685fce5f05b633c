import type { z } from 'zod';
import { ProviderAnswerInvalid } from './message-errors';

export interface ProviderAnswer {
  status: number;
  body: unknown;
}

/**
 * One JSON request to a messaging provider with a bounded time (a slow provider must not
 * outlive the delivery claim). A network error or timeout throws (the job retries); any
 * answer is returned with its status for the adapter to judge.
 */
export async function providerRequest(
  provider: string,
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: unknown; timeoutMs: number },
): Promise<ProviderAnswer> {
  const response = await fetch(url, {
    method: init.method,
    headers: { accept: 'application/json', 'content-type': 'application/json', ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(init.timeoutMs),
  });
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      throw new ProviderAnswerInvalid(provider, `HTTP ${response.status}, not JSON`);
    }
  }
  return { status: response.status, body };
}

/** The answer in the shape the provider's API promises, or ProviderAnswerInvalid. */
export function parseAnswer<T>(provider: string, schema: z.ZodType<T>, answer: ProviderAnswer): T {
  const parsed = schema.safeParse(answer.body);
  if (!parsed.success)
    throw new ProviderAnswerInvalid(
      provider,
      `HTTP ${answer.status}, ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

/** A failure the provider owns (5xx, 429, an unexpected status): retried. */
export function providerFailed(provider: string, answer: ProviderAnswer): Error {
  return new Error(`${provider} failed: HTTP ${answer.status}`);
}
