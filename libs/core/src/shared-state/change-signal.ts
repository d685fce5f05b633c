import type { Redis } from 'ioredis';

/**
 * A version number for state every gateway caches (the admins' mandate grants): bumped
 * after a change, read before using the cached copy. In memory on the embedded default (one
 * process); in Redis with several gateways, so a mandate revoked through one gateway stops
 * working through all at once. `undefined` means the version cannot be known now (Redis
 * down): the caller then reloads more often instead of trusting its copy.
 */
export interface ChangeSignal {
  version(): Promise<string | undefined>;
  bump(): Promise<void>;
}

export class MemoryChangeSignal implements ChangeSignal {
  private current = 0;

  async version(): Promise<string> {
    return String(this.current);
  }

  async bump(): Promise<void> {
    this.current++;
  }
}

export class RedisChangeSignal implements ChangeSignal {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
  ) {}

  async version(): Promise<string | undefined> {
    try {
      return (await this.redis.get(this.key)) ?? '0';
    } catch {
      return undefined;
    }
  }

  async bump(): Promise<void> {
    try {
      await this.redis.incr(this.key);
    } catch {
      // Redis down: the others cannot read a version either, so they reload every few seconds.
    }
  }
}
