import { LRUCache } from 'lru-cache';
import type { PluginRuntime } from './plugin-runtime';

/** A department's validated answer about one person, as cached: mapped anew for each reader's view. */
export interface CachedAnswer {
  answer: unknown;
  /** When the department gave it. */
  asOf: Date;
}

/**
 * A short cache of each department's answer per person (plugin settings `cache`), kept as
 * long as it may be served stale when the department fails (stale-if-error); freshness is
 * decided by the reader. In-process memory: the embedded default.
 */
export class PersonAnswerCache {
  private readonly caches = new Map<string, LRUCache<string, CachedAnswer>>();

  constructor(runtimes: PluginRuntime[]) {
    for (const runtime of runtimes) {
      const { ttlMs, staleIfErrorMs, maxEntries } = runtime.plugin.settings.cache;
      if (ttlMs > 0 || staleIfErrorMs > 0) {
        this.caches.set(
          runtime.id,
          new LRUCache({ max: maxEntries, ttl: Math.max(ttlMs, staleIfErrorMs), ttlAutopurge: false }),
        );
      }
    }
  }

  get(pluginId: string, personalNumber: string): CachedAnswer | undefined {
    return this.caches.get(pluginId)?.get(personalNumber);
  }

  set(pluginId: string, personalNumber: string, answer: CachedAnswer): void {
    this.caches.get(pluginId)?.set(personalNumber, answer);
  }

  /** Forgets what the hub holds about a person in every department (after an action changed it). */
  forget(personalNumber: string): void {
    for (const cache of this.caches.values()) cache.delete(personalNumber);
  }
}
