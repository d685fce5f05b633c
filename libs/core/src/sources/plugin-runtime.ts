import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SourceContext } from '@frontdoor/plugin-sdk';
import type { SourceFailure } from '../errors';
import type { HubMetrics } from '../metrics/hub-metrics';
import { stockholmDate } from '../time/stockholm-date';
import type { LoadedPlugin } from './plugin-loader';
import { PLUGIN_BUG_REASON, classifySourceError } from './source-failure';
import { SourceGuard } from './source-guard';
import { SourceHttpClient } from '@frontdoor/plugin-sdk';

export type CallResult<T> = { ok: true; value: T } | { ok: false; failure: SourceFailure };

/**
 * One running plugin, and the one way the hub calls into it: under the plugin's deadline
 * and breaker, with its own connection pool, timed and counted, and every failure turned
 * into a SourceFailure an agent can be told about. Every operation (person read, query,
 * action, health, job) goes through `call`, so none can forget a safeguard.
 */
export class PluginRuntime {
  private readonly logger = new Logger('PluginRuntime');
  private readonly guard: SourceGuard;
  private readonly http = new SourceHttpClient();

  constructor(
    readonly plugin: LoadedPlugin,
    private readonly metrics: HubMetrics,
    private readonly data: EntityManager | undefined,
    private readonly today: () => string = () => stockholmDate(),
  ) {
    this.guard = new SourceGuard(plugin);
  }

  get id(): string {
    return this.plugin.id;
  }

  async call<T>(
    operation: string,
    work: (ctx: SourceContext<unknown>) => Promise<T>,
    options: { guarded?: boolean } = {},
  ): Promise<CallResult<T>> {
    const stopTimer = this.metrics.pluginCallDuration.startTimer({ plugin: this.id, operation });
    const run = (signal: AbortSignal) =>
      work({
        config: this.plugin.config,
        http: this.http.bind(signal),
        signal,
        data: this.data,
        today: this.today(),
      });
    try {
      // Jobs run unguarded: an import may take minutes and must not trip the breaker for agents' reads.
      const value =
        options.guarded === false ? await run(new AbortController().signal) : await this.guard.run(run);
      stopTimer({ outcome: 'ok' });
      return { ok: true, value };
    } catch (error) {
      const failure = classifySourceError(error, this.plugin, this.plugin.settings.timeoutMs);
      stopTimer({ outcome: failure.code === 'SOURCE_UNAVAILABLE' ? 'unavailable' : 'invalid' });
      this.metrics.pluginErrors.inc({ plugin: this.id, code: failure.code });
      // A plugin's own bug (not a department's answer) is logged with its stack for its authors.
      const bug = failure.reason === PLUGIN_BUG_REASON ? { stack: (error as Error)?.stack } : {};
      this.logger.warn(
        {
          plugin: this.id,
          operation,
          code: failure.code,
          reason: failure.reason,
          error: (error as Error)?.name,
          ...bug,
        },
        'department system call failed',
      );
      return { ok: false, failure };
    }
  }

  todayInSweden(): string {
    return this.today();
  }

  async close(): Promise<void> {
    await this.http.close();
  }
}
