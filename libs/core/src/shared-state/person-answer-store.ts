import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { Logger } from '@nestjs/common';

/** A department's validated answer about one person, as cached: mapped anew for each reader's view. */
export interface CachedAnswer {
  answer: unknown;
  /** When the department gave it. */
  asOf: Date;
  /** Read back from JSON (a shared store): validated again against the plugin's schema before use. */
  serialized?: boolean;
}

/** Per plugin: how long an answer is kept (as long as it may be served stale) and how many. */
export interface AnswerRetention {
  keepMs: number;
  maxEntries: number;
}

/**
 * Where the hub keeps departments' answers per person between requests: in process memory on
 * the embedded default, in Redis when several gateways must share them (an action through one
 * gateway then clears the answer for all). Freshness (ttl, stale-if-error) is decided by the
 * reader from `asOf`; a store only keeps and forgets. A store that cannot answer (Redis down)
 * answers "nothing kept": reads go to the department, uncached.
 */
export interface PersonAnswerStore {
  get(pluginId: string, personalNumber: string): Promise<CachedAnswer | undefined>;
  set(pluginId: string, personalNumber: string, answer: CachedAnswer): Promise<void>;
  /** Forgets the person's answers in every department (after an action changed them). */
  forget(personalNumber: string): Promise<void>;
}

export class MemoryPersonAnswerStore implements PersonAnswerStore {
  private readonly caches = new Map<string, LRUCache<string, CachedAnswer>>();

  constructor(retention: Map<string, AnswerRetention>) {
    for (const [pluginId, { keepMs, maxEntries }] of retention) {
      if (keepMs > 0)
        this.caches.set(pluginId, new LRUCache({ max: maxEntries, ttl: keepMs, ttlAutopurge: false }));
    }
  }

  async get(pluginId: string, personalNumber: string): Promise<CachedAnswer | undefined> {
    return this.caches.get(pluginId)?.get(personalNumber);
  }

  async set(pluginId: string, personalNumber: string, answer: CachedAnswer): Promise<void> {
    this.caches.get(pluginId)?.set(personalNumber, answer);
  }

  async forget(personalNumber: string): Promise<void> {
    for (const cache of this.caches.values()) cache.delete(personalNumber);
  }
}

/**
 * Answers in Redis, shared by every gateway. Keys carry a hash of the personal number, not the
 * number (key listings are not a register of who was looked up); values are the validated
 * answers, which are personal data: the Redis must be as protected as the database
 * (docs/deployment.md). Every failure is logged and read as "nothing kept".
 */
export class RedisPersonAnswerStore implements PersonAnswerStore {
  constructor(
    private readonly redis: Redis,
    private readonly retention: Map<string, AnswerRetention>,
    private readonly logger: Pick<Logger, 'warn'>,
    private readonly prefix = 'fd:answer:',
  ) {}

  async get(pluginId: string, personalNumber: string): Promise<CachedAnswer | undefined> {
    if (!this.keeps(pluginId)) return undefined;
    try {
      const raw = await this.redis.get(this.key(pluginId, personalNumber));
      if (!raw) return undefined;
      const stored = JSON.parse(raw) as { answer: unknown; asOf: string };
      return { answer: stored.answer, asOf: new Date(stored.asOf), serialized: true };
    } catch (error) {
      this.unavailable('read', error);
      return undefined;
    }
  }

  async set(pluginId: string, personalNumber: string, answer: CachedAnswer): Promise<void> {
    const retention = this.retention.get(pluginId);
    if (!retention || retention.keepMs <= 0) return;
    try {
      const value = JSON.stringify({ answer: answer.answer, asOf: answer.asOf.toISOString() });
      await this.redis.set(this.key(pluginId, personalNumber), value, 'PX', retention.keepMs);
    } catch (error) {
      this.unavailable('write', error);
    }
  }

  async forget(personalNumber: string): Promise<void> {
    const keys = [...this.retention.keys()].map((pluginId) => this.key(pluginId, personalNumber));
    if (!keys.length) return;
    try {
      await this.redis.del(...keys);
    } catch (error) {
      // Not forgotten: another gateway may serve the old answer until it expires (at most its ttl).
      this.unavailable('forget', error);
    }
  }

  private keeps(pluginId: string): boolean {
    return (this.retention.get(pluginId)?.keepMs ?? 0) > 0;
  }

  private key(pluginId: string, personalNumber: string): string {
    return `${this.prefix}${pluginId}:${createHash('sha256').update(personalNumber).digest('base64url')}`;
  }

  private unavailable(what: string, error: unknown): void {
    this.logger.warn(
      { store: 'redis', operation: what, reason: (error as Error)?.message },
      'shared answer cache unavailable; going on without it',
    );
  }
}
