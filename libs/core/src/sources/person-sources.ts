import DataLoader from 'dataloader';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { StatusState, statusItemInput, type StatusItem } from '@frontdoor/plugin-sdk';
import type { SourceFailure } from '../errors';
import type { HubMetrics } from '../metrics/hub-metrics';
import type { LoadedPlugin } from './plugin-loader';
import type { PluginRuntime } from './plugin-runtime';
import { SourceAnswerInvalidError } from '@frontdoor/plugin-sdk';
import { describeZodError } from './source-failure';

/** What one department system said about one person: its status items and typed detail, or why not. */
export type PersonSourceOutcome =
  | {
      ok: true;
      plugin: LoadedPlugin;
      statuses: StatusItem[];
      detail: unknown;
      /** When the department gave this answer. */
      asOf: Date;
      /** Served from the cache because the department failed just now. */
      stale: boolean;
      /** Why the fresh read failed, when stale. */
      failure?: SourceFailure;
    }
  | { ok: false; plugin: LoadedPlugin; failure: SourceFailure };

interface CachedAnswer {
  statuses: StatusItem[];
  detail: unknown;
  asOf: Date;
}

const statusItemList = z.array(statusItemInput);

/**
 * Asks department systems about a person, the hub's way: through each plugin's runtime
 * (deadline, breaker, metrics), with the answer validated against the plugin's schema and
 * its status items against the shared shape, and a short cache per plugin that also serves
 * a bounded-age answer when the department fails (stale-if-error). Never throws for a
 * department's fault: a failure is an outcome reported beside the other departments' answers.
 */
export class PersonSources {
  private readonly caches = new Map<string, LRUCache<string, CachedAnswer>>();
  private readonly healthChecks = new Map<string, { checkedAt: number; healthy: boolean }>();

  constructor(
    private readonly runtimes: PluginRuntime[],
    private readonly metrics: HubMetrics,
    private readonly options: { healthCacheMs?: number; now?: () => number } = {},
  ) {
    for (const runtime of runtimes) {
      const { ttlMs, staleIfErrorMs, maxEntries } = runtime.plugin.settings.cache;
      if (ttlMs > 0 || staleIfErrorMs > 0) {
        // Entries live as long as they may be served stale; freshness is checked on read.
        this.caches.set(runtime.id, new LRUCache({ max: maxEntries, ttl: Math.max(ttlMs, staleIfErrorMs), ttlAutopurge: false }));
      }
    }
  }

  get plugins(): LoadedPlugin[] {
    return this.runtimes.map((r) => r.plugin);
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  async read(pluginId: string, personalNumber: string): Promise<PersonSourceOutcome> {
    const runtime = this.runtime(pluginId);
    const { plugin } = runtime;
    const { ttlMs, staleIfErrorMs } = plugin.settings.cache;
    const cache = this.caches.get(pluginId);
    const cached = cache?.get(personalNumber);
    const age = cached ? this.now() - cached.asOf.getTime() : Infinity;
    if (cached && age <= ttlMs) {
      this.metrics.pluginCacheHits.inc({ plugin: pluginId, kind: 'fresh' });
      return { ok: true, plugin, ...cached, stale: false };
    }

    const source = plugin.definition.person;
    const result = await runtime.call('person', async (ctx) => {
      const raw = await source.fetch(ctx, { personalNumber });
      let answer: unknown = null;
      if (raw !== null) {
        const parsed = source.answer.safeParse(raw);
        if (!parsed.success) throw new SourceAnswerInvalidError(describeZodError(parsed.error));
        answer = parsed.data;
      }
      const items = statusItemList.parse(source.statuses(answer, ctx.today));
      return { items, detail: source.detail ? source.detail.map(answer, ctx.today) : null };
    });

    if (result.ok) {
      const unknown = result.value.items.filter((item) => item.state === StatusState.UNKNOWN).length;
      if (unknown > 0) this.metrics.unknownStatusCodes.inc({ plugin: pluginId }, unknown);
      const answer: CachedAnswer = {
        statuses: result.value.items.map((item) => ({ ...item, source: pluginId })),
        detail: result.value.detail,
        asOf: new Date(this.now()),
      };
      cache?.set(personalNumber, answer);
      return { ok: true, plugin, ...answer, stale: false };
    }
    if (cached && age <= staleIfErrorMs) {
      this.metrics.pluginCacheHits.inc({ plugin: pluginId, kind: 'stale' });
      return { ok: true, plugin, ...cached, stale: true, failure: result.failure };
    }
    return { ok: false, plugin, failure: result.failure };
  }

  /** Forgets what the hub holds about a person (after an action changed it). */
  forget(personalNumber: string): void {
    for (const cache of this.caches.values()) cache.delete(personalNumber);
  }

  /**
   * A reader for one GraphQL request: each (plugin, person) is fetched once however
   * many fields ask for it (statuses and detail share the answer).
   */
  forRequest(): PersonSourceReader {
    const loader = new DataLoader<string, PersonSourceOutcome>((keys) =>
      Promise.all(
        keys.map((key) => {
          const separator = key.indexOf(':');
          return this.read(key.slice(0, separator), key.slice(separator + 1));
        }),
      ),
    );
    return {
      read: (pluginId, personalNumber) => loader.load(`${pluginId}:${personalNumber}`),
      readAll: (personalNumber) => Promise.all(this.runtimes.map((r) => loader.load(`${r.id}:${personalNumber}`))),
    };
  }

  /** Whether the department system answers its health check; cached briefly so `plugins` queries do not hammer it. */
  async healthy(pluginId: string): Promise<boolean> {
    const runtime = this.runtime(pluginId);
    const cacheMs = this.options.healthCacheMs ?? 10_000;
    const last = this.healthChecks.get(pluginId);
    if (last && this.now() - last.checkedAt < cacheMs) return last.healthy;
    const check = runtime.plugin.definition.health;
    const healthy = check ? (await runtime.call('health', (ctx) => check(ctx))).ok : true;
    this.healthChecks.set(pluginId, { checkedAt: this.now(), healthy });
    return healthy;
  }

  private runtime(pluginId: string): PluginRuntime {
    const runtime = this.runtimes.find((r) => r.id === pluginId);
    if (!runtime) throw new Error(`No running plugin "${pluginId}"`);
    return runtime;
  }
}

export interface PersonSourceReader {
  read(pluginId: string, personalNumber: string): Promise<PersonSourceOutcome>;
  readAll(personalNumber: string): Promise<PersonSourceOutcome[]>;
}
