import { readPersonAnswer } from '@frontdoor/plugin-sdk';
import type { SourceFailure } from '../errors';
import type { HubMetrics } from '../metrics/hub-metrics';
import type { AnswerRetention, CachedAnswer, PersonAnswerStore } from '../shared-state/person-answer-store';
import type { LoadedPlugin } from './plugin-loader';
import type { PluginRuntime } from './plugin-runtime';

/** A department's validated answer before mapping, or why there is none. */
export type FetchedAnswer =
  | {
      ok: true;
      plugin: LoadedPlugin;
      /** `null`: the department proved it knows nothing of the person. */
      answer: unknown;
      asOf: Date;
      /** Served from the cache because the department failed just now. */
      stale: boolean;
      fromCache: boolean;
      /** Why the fresh read failed, when stale. */
      failure?: SourceFailure;
    }
  | { ok: false; plugin: LoadedPlugin; failure: SourceFailure };

/**
 * Gets a department's answer about a person the hub's way: from the cache while fresh,
 * else asked through the plugin's runtime (deadline, breaker, metrics) and validated
 * against the plugin's schema, else a bounded-age cached answer if the department failed.
 * Never throws for a department's fault: a failure is a value.
 */
export class PersonAnswers {
  constructor(
    private readonly runtimes: Map<string, PluginRuntime>,
    private readonly cache: PersonAnswerStore,
    private readonly metrics: HubMetrics,
    private readonly now: () => number,
  ) {}

  async answer(pluginId: string, personalNumber: string): Promise<FetchedAnswer> {
    const runtime = this.runtimes.get(pluginId);
    if (!runtime) throw new Error(`No running plugin "${pluginId}"`);
    const { plugin } = runtime;
    const { ttlMs, staleIfErrorMs } = plugin.settings.cache;
    const cached = this.usable(runtime, await this.cache.get(pluginId, personalNumber));
    const age = cached ? this.now() - cached.asOf.getTime() : Infinity;
    if (cached && age <= ttlMs) {
      this.metrics.pluginCacheHits.inc({ plugin: pluginId, kind: 'fresh' });
      return { ok: true, plugin, ...cached, stale: false, fromCache: true };
    }
    const result = await runtime.call('person', (ctx) =>
      readPersonAnswer(plugin.definition.person, ctx, { personalNumber }),
    );
    if (result.ok) {
      const fresh = { answer: result.value, asOf: new Date(this.now()) };
      await this.cache.set(pluginId, personalNumber, fresh);
      return { ok: true, plugin, ...fresh, stale: false, fromCache: false };
    }
    if (cached && age <= staleIfErrorMs) {
      this.metrics.pluginCacheHits.inc({ plugin: pluginId, kind: 'stale' });
      return { ok: true, plugin, ...cached, stale: true, fromCache: true, failure: result.failure };
    }
    return { ok: false, plugin, failure: result.failure };
  }

  forget(personalNumber: string): Promise<void> {
    return this.cache.forget(personalNumber);
  }

  /** An answer read back from a shared store is checked against the plugin's schema again; a bad one is a miss. */
  private usable(runtime: PluginRuntime, cached: CachedAnswer | undefined): CachedAnswer | undefined {
    if (!cached?.serialized || cached.answer === null) return cached;
    const parsed = runtime.plugin.definition.person.answer.safeParse(cached.answer);
    return parsed.success ? { answer: parsed.data, asOf: cached.asOf } : undefined;
  }
}

/** How long each plugin's answers are kept: as long as they may be served stale (settings `cache`). */
export function answerRetention(runtimes: PluginRuntime[]): Map<string, AnswerRetention> {
  return new Map(
    runtimes.map((r) => {
      const { ttlMs, staleIfErrorMs, maxEntries } = r.plugin.settings.cache;
      return [r.id, { keepMs: Math.max(ttlMs, staleIfErrorMs), maxEntries }];
    }),
  );
}
