import { readPersonAnswer } from '@frontdoor/plugin-sdk';
import type { SourceFailure } from '../errors';
import type { HubMetrics } from '../metrics/hub-metrics';
import type { PersonAnswerCache } from './person-answer-cache';
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
    private readonly cache: PersonAnswerCache,
    private readonly metrics: HubMetrics,
    private readonly now: () => number,
  ) {}

  async answer(pluginId: string, personalNumber: string): Promise<FetchedAnswer> {
    const runtime = this.runtimes.get(pluginId);
    if (!runtime) throw new Error(`No running plugin "${pluginId}"`);
    const { plugin } = runtime;
    const { ttlMs, staleIfErrorMs } = plugin.settings.cache;
    const cached = this.cache.get(pluginId, personalNumber);
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
      this.cache.set(pluginId, personalNumber, fresh);
      return { ok: true, plugin, ...fresh, stale: false, fromCache: false };
    }
    if (cached && age <= staleIfErrorMs) {
      this.metrics.pluginCacheHits.inc({ plugin: pluginId, kind: 'stale' });
      return { ok: true, plugin, ...cached, stale: true, fromCache: true, failure: result.failure };
    }
    return { ok: false, plugin, failure: result.failure };
  }

  forget(personalNumber: string): void {
    this.cache.forget(personalNumber);
  }
}
