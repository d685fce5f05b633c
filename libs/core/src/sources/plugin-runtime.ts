import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DepartmentConnection,
  type HealthState,
  type SourceContext,
  type SourceHttp,
} from '@frontdoor/plugin-sdk';
import type { SourceFailure } from '../errors';
import type { HubMetrics } from '../metrics/hub-metrics';
import { stockholmDate } from '../time/stockholm-date';
import type { LoadedPlugin } from './plugin-loader';
import { PLUGIN_BUG_REASON, classifySourceError } from './source-failure';
import { SourceGuard } from './source-guard';

export type CallResult<T> = { ok: true; value: T } | { ok: false; failure: SourceFailure };

export interface CallOptions {
  /** Jobs run unguarded: an import may take minutes and must not trip the breaker for agents' reads. */
  guarded?: boolean;
  /** An action's idempotency key, sent by the connection with every request of the call. */
  idempotencyKey?: string;
}

/** What readiness and `plugins { healthy }` show of one department. */
export interface DepartmentStatus {
  healthy: boolean;
  /** The health URL tried (personal numbers masked, no query), or why there is none. */
  url?: string;
  reason?: string;
  checkedAt?: Date;
}

/**
 * One running plugin, and the one way the hub calls into it: under the plugin's deadline
 * and breaker, through the department connection the installation configured (base URL,
 * auth, health), timed and counted, and every failure turned into a SourceFailure an agent
 * can be told about. Every operation (person read, query, action, health, job) goes through
 * `call`, so none can forget a safeguard.
 */
export class PluginRuntime {
  private readonly logger = new Logger('PluginRuntime');
  private readonly guard: SourceGuard;
  readonly connection?: DepartmentConnection;

  constructor(
    readonly plugin: LoadedPlugin,
    private readonly metrics: HubMetrics,
    private readonly data: EntityManager | undefined,
    private readonly today: () => string = () => stockholmDate(),
    now: () => number = Date.now,
  ) {
    this.guard = new SourceGuard(plugin);
    const declared = plugin.definition.connection;
    if (declared && plugin.settings.connection) {
      this.connection = new DepartmentConnection(plugin.settings.connection, declared, now);
    }
  }

  get id(): string {
    return this.plugin.id;
  }

  async call<T>(
    operation: string,
    work: (ctx: SourceContext<unknown>) => Promise<T>,
    options: CallOptions = {},
  ): Promise<CallResult<T>> {
    const stopTimer = this.metrics.pluginCallDuration.startTimer({ plugin: this.id, operation });
    const run = (signal: AbortSignal) =>
      work({
        config: this.plugin.config,
        http: this.http(signal, options.idempotencyKey),
        signal,
        data: this.data,
        today: this.today(),
      });
    try {
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
          ...(failure.detail ? { detail: failure.detail } : {}),
          error: (error as Error)?.name,
          ...bug,
        },
        'department system call failed',
      );
      return { ok: false, failure };
    }
  }

  /**
   * Asks the department's health endpoint now, under the deadline (at boot, for readiness).
   * A plugin without an HTTP connection reads only the hub's own tables: always healthy.
   */
  async checkHealth(): Promise<DepartmentStatus> {
    const connection = this.connection;
    if (!connection) return { healthy: true };
    const result = await this.call('health', (ctx) => connection.checkHealth(ctx.signal));
    if (!result.ok) return { healthy: false, url: connection.health.url, reason: result.failure.reason };
    return describeHealth(result.value);
  }

  /** The last health check's result, without asking again (never checked: unknown, reported unhealthy). */
  lastHealth(): DepartmentStatus {
    if (!this.connection) return { healthy: true };
    const state = this.connection.health.state;
    return state
      ? describeHealth(state)
      : { healthy: false, url: this.connection.health.url, reason: 'not checked yet' };
  }

  todayInSweden(): string {
    return this.today();
  }

  async close(): Promise<void> {
    await this.connection?.close();
  }

  private http(signal: AbortSignal, idempotencyKey?: string): SourceHttp {
    if (this.connection) return this.connection.bind(signal, { idempotencyKey });
    const missing = (): never => {
      throw new Error(`plugin "${this.id}" uses ctx.http but declares no connection`);
    };
    return { getJson: missing, postJson: missing, getText: missing };
  }
}

function describeHealth(state: HealthState): DepartmentStatus {
  return {
    healthy: state.healthy,
    url: state.url,
    reason: state.reason,
    checkedAt: new Date(state.checkedAt),
  };
}
