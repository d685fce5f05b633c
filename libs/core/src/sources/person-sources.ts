import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { StatusState, blankWhereabouts, statusItemInput, type StatusItem } from '@frontdoor/plugin-sdk';
import type { SourceFailure } from '../errors';
import type { HubMetrics } from '../metrics/hub-metrics';
import type { LoadedPlugin } from './plugin-loader';
import type { PluginRuntime } from './plugin-runtime';
import { SourceAnswerInvalidError } from '@frontdoor/plugin-sdk';
import { classifySourceError, describeZodError } from './source-failure';

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

/** The department's validated answer, as cached: mapped anew for each view (redaction differs per reader). */
interface CachedAnswer {
  answer: unknown;
  asOf: Date;
}

/** How the reader may see a person's data. */
export interface PersonView {
  /** Protected identity and no clearance: blank every plugin's declared whereabouts. */
  redactWhereabouts: boolean;
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
        this.caches.set(
          runtime.id,
          new LRUCache({ max: maxEntries, ttl: Math.max(ttlMs, staleIfErrorMs), ttlAutopurge: false }),
        );
      }
    }
  }

  get plugins(): LoadedPlugin[] {
    return this.runtimes.map((r) => r.plugin);
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  async read(
    pluginId: string,
    personalNumber: string,
    view: PersonView = { redactWhereabouts: false },
  ): Promise<PersonSourceOutcome> {
    return this.outcome(pluginId, await this.answer(pluginId, personalNumber), view);
  }

  /** Maps a department's answer for one reader's view: whereabouts blanked or not, then statuses and detail. */
  private outcome(pluginId: string, fetched: FetchedAnswer, view: PersonView): PersonSourceOutcome {
    if (!fetched.ok) return fetched;
    const runtime = this.runtime(pluginId);
    const { plugin } = runtime;
    const source = plugin.definition.person;
    try {
      const answer =
        view.redactWhereabouts && source.whereabouts?.length
          ? blankWhereabouts(fetched.answer, source.whereabouts)
          : fetched.answer;
      const today = runtime.todayInSweden();
      const items = statusItemList.parse(source.statuses(answer, today));
      const unknown = items.filter((item) => item.state === StatusState.UNKNOWN).length;
      if (unknown > 0 && !fetched.fromCache)
        this.metrics.unknownStatusCodes.inc({ plugin: pluginId }, unknown);
      return {
        ok: true,
        plugin,
        statuses: items.map((item) => ({ ...item, source: pluginId })),
        detail: source.detail ? source.detail.map(answer, today) : null,
        asOf: fetched.asOf,
        stale: fetched.stale,
        failure: fetched.failure,
      };
    } catch (error) {
      // The plugin's own mapping threw: its bug, reported like a department fault.
      return { ok: false, plugin, failure: classifySourceError(error, plugin, plugin.settings.timeoutMs) };
    }
  }

  /** Whether the person has protected identity, by the plugin that declares it; unknown (null) without one. */
  async protectedIdentity(
    personalNumber: string,
    answer = (id: string, pn: string) => this.answer(id, pn),
  ): Promise<Protection> {
    const register = this.runtimes.find((r) => r.plugin.definition.person.protectedIdentity);
    if (!register) return { protected: false, source: null };
    const fetched = await answer(register.id, personalNumber);
    // Fail closed: when the register cannot say, the person is treated as protected.
    if (!fetched.ok) return { protected: true, source: register.id, failure: fetched.failure };
    return {
      protected: register.plugin.definition.person.protectedIdentity!(fetched.answer),
      source: register.id,
    };
  }

  /** The department's validated answer: from the cache when fresh, else asked, else stale if allowed. */
  private async answer(pluginId: string, personalNumber: string): Promise<FetchedAnswer> {
    const runtime = this.runtime(pluginId);
    const { plugin } = runtime;
    const { ttlMs, staleIfErrorMs } = plugin.settings.cache;
    const cache = this.caches.get(pluginId);
    const cached = cache?.get(personalNumber);
    const age = cached ? this.now() - cached.asOf.getTime() : Infinity;
    if (cached && age <= ttlMs) {
      this.metrics.pluginCacheHits.inc({ plugin: pluginId, kind: 'fresh' });
      return { ok: true, answer: cached.answer, asOf: cached.asOf, stale: false, fromCache: true };
    }
    const source = plugin.definition.person;
    const result = await runtime.call('person', async (ctx) => {
      const raw = await source.fetch(ctx, { personalNumber });
      if (raw === null) return null;
      const parsed = source.answer.safeParse(raw);
      if (!parsed.success) throw new SourceAnswerInvalidError(describeZodError(parsed.error));
      return parsed.data;
    });
    if (result.ok) {
      const fresh: CachedAnswer = { answer: result.value, asOf: new Date(this.now()) };
      cache?.set(personalNumber, fresh);
      return { ok: true, ...fresh, stale: false, fromCache: false };
    }
    if (cached && age <= staleIfErrorMs) {
      this.metrics.pluginCacheHits.inc({ plugin: pluginId, kind: 'stale' });
      return {
        ok: true,
        answer: cached.answer,
        asOf: cached.asOf,
        stale: true,
        fromCache: true,
        failure: result.failure,
      };
    }
    return { ok: false, plugin, failure: result.failure };
  }

  /** Forgets what the hub holds about a person (after an action changed it). */
  forget(personalNumber: string): void {
    for (const cache of this.caches.values()) cache.delete(personalNumber);
  }

  /**
   * A reader for one GraphQL request: each (plugin, person) is asked once however many
   * fields, views or the protection check need it, and the asking can start early
   * (`prefetch`) so departments answer while the register is asked about protection.
   */
  forRequest(): PersonSourceReader {
    const answers = new Map<string, Promise<FetchedAnswer>>();
    const answerOnce = (pluginId: string, personalNumber: string): Promise<FetchedAnswer> => {
      const key = `${pluginId}|${personalNumber}`;
      let pending = answers.get(key);
      if (!pending) answers.set(key, (pending = this.answer(pluginId, personalNumber)));
      return pending;
    };
    const outcomes = new Map<string, Promise<PersonSourceOutcome>>();
    const read = (
      pluginId: string,
      personalNumber: string,
      view: PersonView = { redactWhereabouts: false },
    ) => {
      const key = `${pluginId}|${personalNumber}|${view.redactWhereabouts ? 'r' : '-'}`;
      let pending = outcomes.get(key);
      if (!pending)
        outcomes.set(
          key,
          (pending = answerOnce(pluginId, personalNumber).then((fetched) =>
            this.outcome(pluginId, fetched, view),
          )),
        );
      return pending;
    };
    const protections = new Map<string, Promise<Protection>>();
    return {
      plugins: this.plugins,
      read,
      readAll: (personalNumber, view) =>
        Promise.all(this.runtimes.map((r) => read(r.id, personalNumber, view))),
      prefetch: (personalNumber, pluginIds) => {
        for (const id of pluginIds) void answerOnce(id, personalNumber);
      },
      protectedIdentity: (personalNumber) => {
        let pending = protections.get(personalNumber);
        if (!pending)
          protections.set(personalNumber, (pending = this.protectedIdentity(personalNumber, answerOnce)));
        return pending;
      },
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
  readonly plugins: LoadedPlugin[];
  read(pluginId: string, personalNumber: string, view?: PersonView): Promise<PersonSourceOutcome>;
  readAll(personalNumber: string, view?: PersonView): Promise<PersonSourceOutcome[]>;
  /** Starts asking these departments now; the answers wait, unmapped, for `read`. */
  prefetch(personalNumber: string, pluginIds: string[]): void;
  protectedIdentity(personalNumber: string): Promise<Protection>;
}

/** Whether a person has protected identity, and from which register; `failure` when the register could not say (then protected). */
export interface Protection {
  protected: boolean;
  source: string | null;
  failure?: SourceFailure;
}

/** A department's validated answer before mapping, or why there is none. */
type FetchedAnswer =
  | { ok: true; answer: unknown; asOf: Date; stale: boolean; fromCache: boolean; failure?: SourceFailure }
  | { ok: false; plugin: LoadedPlugin; failure: SourceFailure };
