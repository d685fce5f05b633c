import { Logger } from '@nestjs/common';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import type { TokenVerifier } from '../auth/token-verifier';
import { verifyRequestToken } from '../auth/request-token';

/**
 * Requests per minute per caller: per user when the request carries a bearer token that
 * verifies (its verified subject), per IP address otherwise (no token, or one the verifier
 * rejects). Keying on a claim read without verifying let anyone write `sub: "agent-bo"` into
 * an unsigned token and lock the real agent-bo out (issue 21, item 5); a forged token now only
 * spends its sender's address. Health and metrics are never limited. Past the limit the
 * answer is HTTP 429 with a GraphQL-shaped body (`extensions.code` RATE_LIMITED).
 *
 * With `redis`, the counts live there, so the limit holds for a user across every gateway.
 * When Redis cannot answer, requests are let through (`skipOnError`): the limiter protects the
 * hub from floods, and refusing every agent's lookup while Redis restarts would be worse than
 * a minute without limits (docs/decisions/0014-shared-state-on-redis.md).
 */
const logger = new Logger('RateLimit');

export async function registerRateLimit(
  app: FastifyInstance,
  verifier: TokenVerifier,
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
    keyGenerator: async (request: FastifyRequest) => {
      const subject = await verifiedSubject(verifier, request);
      return subject ? `user:${subject}` : `ip:${request.ip}`;
    },
  });
  const checkEvents = app.createRateLimit({
    max: telephonyEventsPerMinute,
    timeWindow: 60_000,
    keyGenerator: async (request: FastifyRequest) => {
      const subject = await verifiedSubject(verifier, request);
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
 * The subject of the request's bearer token once the gateway's verifier accepts it; undefined
 * without a token or for one it rejects. The outcome stays with the request, so the /graphql
 * hook and the guard after this one do not verify the token again.
 */
async function verifiedSubject(
  verifier: TokenVerifier,
  request: FastifyRequest,
): Promise<string | undefined> {
  if (!request.headers.authorization) return undefined;
  try {
    return (await verifyRequestToken(verifier, request)).subject;
  } catch {
    return undefined;
  }
}
