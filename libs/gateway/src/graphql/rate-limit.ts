import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Requests per minute per caller: per user when the request carries a bearer token (its
 * subject, read without verifying: the key only picks the bucket, a forged token just gets
 * its own), per IP address otherwise. Health and metrics are never limited. Past the limit
 * the answer is HTTP 429 with a GraphQL-shaped body (`extensions.code` RATE_LIMITED).
 */
export async function registerRateLimit(app: FastifyInstance, perMinute: number): Promise<void> {
  await app.register(rateLimit, { global: false });
  const check = app.createRateLimit({
    max: perMinute,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => {
      const subject = bearerSubject(request.headers.authorization);
      return subject ? `user:${subject}` : `ip:${request.ip}`;
    },
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/health') || request.url === '/metrics') return;
    const result = await check(request);
    if (result.isAllowed || !result.isExceeded) return;
    await reply
      .code(429)
      .header('retry-after', String(result.ttlInSeconds))
      .send({ errors: [{ message: `Too many requests: at most ${result.max} a minute. Try again in ${result.ttlInSeconds} s.`, extensions: { code: 'RATE_LIMITED' } }] });
  });
}

/**
 * Subjects of recently seen tokens: a caller sends the same token for its whole lifetime, and
 * decoding it on every request showed in the profile. Bounded; emptied when full.
 */
const subjects = new Map<string, string | undefined>();
const MAX_REMEMBERED = 10_000;

function bearerSubject(header: string | undefined): string | undefined {
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (!token) return undefined;
  if (subjects.has(token)) return subjects.get(token);
  const subject = decodeSubject(token);
  if (subjects.size >= MAX_REMEMBERED) subjects.clear();
  subjects.set(token, subject);
  return subject;
}

function decodeSubject(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const sub = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')).sub;
    return typeof sub === 'string' && sub.length <= 200 ? sub : undefined;
  } catch {
    return undefined;
  }
}
