import { Logger } from '@nestjs/common';
import DataLoader from 'dataloader';
import { z } from 'zod';
import { StatusState, statusItemInput, type StatusItem } from '@frontdoor/plugin-sdk';
import type { SourceFailure } from '../errors';
import type { HubMetrics } from '../metrics/hub-metrics';
import { stockholmDate } from '../time/stockholm-date';
import type { LoadedPlugin } from './plugin-loader';
import { SourceAnswerInvalidError, classifySourceError, describeZodError } from './source-failure';
import { SourceGuard } from './source-guard';
import { SourceHttpClient } from './source-http-client';

/** What one department system said about one person: its status items and typed detail, or why not. */
export type PersonSourceOutcome =
  | { ok: true; plugin: LoadedPlugin; statuses: StatusItem[]; detail: unknown }
  | { ok: false; plugin: LoadedPlugin; failure: SourceFailure };

const statusItemList = z.array(statusItemInput);

interface RunningPlugin {
  plugin: LoadedPlugin;
  guard: SourceGuard;
  http: SourceHttpClient;
  health?: { checkedAt: number; healthy: boolean };
}

/**
 * Asks department systems about a person, the hub's way: under the plugin's deadline
 * and breaker, with the answer validated against the plugin's schema and its status
 * items against the shared shape, timed and counted. Never throws for a department's
 * fault: a failure is an outcome the caller reports beside the other departments' answers.
 */
export class PersonSources {
  private readonly logger = new Logger('PersonSources');
  private readonly running: Map<string, RunningPlugin>;

  constructor(
    plugins: LoadedPlugin[],
    private readonly metrics: HubMetrics,
    private readonly options: { healthCacheMs?: number; today?: () => string } = {},
  ) {
    this.running = new Map(plugins.map((plugin) => [plugin.id, { plugin, guard: new SourceGuard(plugin), http: new SourceHttpClient() }]));
  }

  get plugins(): LoadedPlugin[] {
    return [...this.running.values()].map((r) => r.plugin);
  }

  plugin(id: string): LoadedPlugin | undefined {
    return this.running.get(id)?.plugin;
  }

  async read(pluginId: string, personalNumber: string): Promise<PersonSourceOutcome> {
    const running = this.running.get(pluginId);
    if (!running) throw new Error(`No running plugin "${pluginId}"`);
    const { plugin, guard, http } = running;
    const source = plugin.definition.person;
    const stopTimer = this.metrics.pluginCallDuration.startTimer({ plugin: plugin.id, operation: 'person' });
    try {
      const result = await guard.run(async (signal) => {
        const raw = await source.fetch({ config: plugin.config, http: http.bind(signal), signal }, { personalNumber });
        let answer: unknown = null;
        if (raw !== null) {
          const parsed = source.answer.safeParse(raw);
          if (!parsed.success) throw new SourceAnswerInvalidError(describeZodError(parsed.error));
          answer = parsed.data;
        }
        const today = this.options.today?.() ?? stockholmDate();
        const items = statusItemList.parse(source.statuses(answer, today));
        return { items, detail: source.detail ? source.detail.map(answer) : null };
      });
      stopTimer({ outcome: 'ok' });
      const unknown = result.items.filter((item) => item.state === StatusState.UNKNOWN).length;
      if (unknown > 0) this.metrics.unknownStatusCodes.inc({ plugin: plugin.id }, unknown);
      return { ok: true, plugin, statuses: result.items.map((item) => ({ ...item, source: plugin.id })), detail: result.detail };
    } catch (error) {
      const failure = classifySourceError(error, plugin, plugin.settings.timeoutMs);
      stopTimer({ outcome: failure.code === 'SOURCE_UNAVAILABLE' ? 'unavailable' : 'invalid' });
      this.metrics.pluginErrors.inc({ plugin: plugin.id, code: failure.code });
      this.logger.warn({ plugin: plugin.id, code: failure.code, reason: failure.reason, error: (error as Error)?.name }, 'department system call failed');
      return { ok: false, plugin, failure };
    }
  }

  /**
   * A reader for one GraphQL request: each (plugin, person) is fetched once however
   * many fields ask for it (statuses and detail share the answer).
   */
  forRequest(): PersonSourceReader {
    const loader = new DataLoader<string, PersonSourceOutcome>(
      (keys) => Promise.all(keys.map((key) => {
        const [pluginId, personalNumber] = key.split(':');
        return this.read(pluginId, personalNumber);
      })),
    );
    return {
      read: (pluginId, personalNumber) => loader.load(`${pluginId}:${personalNumber}`),
      readAll: (personalNumber) => Promise.all(this.plugins.map((p) => loader.load(`${p.id}:${personalNumber}`))),
    };
  }

  /** Whether the department system answers its health check; cached briefly so `plugins` queries do not hammer it. */
  async healthy(pluginId: string): Promise<boolean> {
    const running = this.running.get(pluginId);
    if (!running) return false;
    const cacheMs = this.options.healthCacheMs ?? 10_000;
    if (running.health && Date.now() - running.health.checkedAt < cacheMs) return running.health.healthy;
    const { plugin, guard, http } = running;
    const check = plugin.definition.health;
    let healthy = true;
    if (check) {
      try {
        await guard.run((signal) => check({ config: plugin.config, http: http.bind(signal), signal }));
      } catch {
        healthy = false;
      }
    }
    running.health = { checkedAt: Date.now(), healthy };
    return healthy;
  }

  async close(): Promise<void> {
    await Promise.all([...this.running.values()].map((r) => r.http.close()));
  }
}

export interface PersonSourceReader {
  read(pluginId: string, personalNumber: string): Promise<PersonSourceOutcome>;
  readAll(personalNumber: string): Promise<PersonSourceOutcome[]>;
}
