import type { Redis } from 'ioredis';

/**
 * The Redis connection for state that several gateways must agree on (person answers,
 * rate limits, the mandate version). Fails fast instead of queueing: when Redis is down, a
 * command errs at once and the caller goes on without it (reads uncached, limits open),
 * rather than an agent's lookup waiting for Redis to come back. Reconnects by itself.
 */
export async function createSharedRedis(url: string): Promise<Redis> {
  // Loaded only when Redis is named: the embedded default never needs ioredis.
  const { Redis } = await import('ioredis');
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 250,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    lazyConnect: false,
  });
}

/** Resolves once the connection is ready, or after `ms` (the hub starts either way). */
export function whenReady(redis: Redis, ms = 2000): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    timer.unref();
    redis.once('ready', done);
    function done() {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    }
  });
}
