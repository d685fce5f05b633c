import { Logger } from '@nestjs/common';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { decodeJwt } from 'jose';
import { LRUCache } from 'lru-cache';

/**
 * Requests per minute per caller: per user when the request carries a bearer token (its
 * subject, read without verifying: the key only picks the bucket, a forged token just gets
 * its own), per IP address otherwise. Health and metrics are never limited. Past the limit
 * the answer is HTTP 429 with a GraphQL-shaped body (`extensions.code` RATE_LIMITED).
 *
 * With `redis`, the counts live there, so the limit holds for a user across every gateway.
 * When Redis cannot answer, requests are let through (`skipOnError`): the limiter protects the
 * hub from floods, and refusing every agent's lookup while Redis restarts would be worse than
 * a minute without limits (docs/decisions/0014-shared-state-on-redis.md).
 */
const logger = new Logger('RateLimit');

export async function registerRateLimit(
  app: FastifyInstance,
  perMinute: number,
  shared?: { redis: Redis; installation: string },
  /** The telephony platform's webhook has a bucket of its own, sized for a contact center's calls. */
  telephonyEventsPerMinute = perMinute,
): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    ...(shared
      ? { redis: shared.redis, nameSpace: `fd:${shared.installation}:rate:`, skipOnError: true }
      : {}),
  });
  const check = app.createRateLimit({
    max: perMinute,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => {
      const subject = bearerSubject(request.headers.authorization);
      return subject ? `user:${subject}` : `ip:${request.ip}`;
    },
  });
  const checkEvents = app.createRateLimit({
    max: telephonyEventsPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => {
      const subject = bearerSubject(request.headers.authorization);
      return subject ? `events:${subject}` : `events-ip:${request.ip}`;
    },
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/health') || request.url === '/metrics') return;
    const result = await (request.url === '/telephony/events' ? checkEvents : check)(request);
    if (result.isAllowed || !result.isExceeded) return;
    logger.warn(
      { requestId: request.id, code: 'RATE_LIMITED', url: request.url.split('?', 1)[0] },
      'request refused: rate limit',
    );
    await reply
      .code(429)
      .header('retry-after', String(result.ttlInSeconds))
      .send({
        errors: [
          {
            message: `Too many requests: at most ${result.max} a minute. Try again in ${result.ttlInSeconds} s.`,
            extensions: { code: 'RATE_LIMITED' },
          },
        ],
      });
  });
}

/**
 * Subjects of recently seen tokens: a caller sends the same token for its whole lifetime, and
 * decoding it on every request showed in the profile.
 */
const subjects = new LRUCache<string, string>({ max: 10_000 });
const NO_SUBJECT = '';

function bearerSubject(header: string | undefined): string | undefined {
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (!token) return undefined;
  let subject = subjects.get(token);
  if (subject === undefined) subjects.set(token, (subject = decodeSubject(token) ?? NO_SUBJECT));
  return subject || undefined;
}

function decodeSubject(token: string): string | undefined {
  try {
    const { sub } = decodeJwt(token);
    return typeof sub === 'string' && sub.length <= 200 ? sub : undefined;
  } catch {
    return undefined;
  }
}
